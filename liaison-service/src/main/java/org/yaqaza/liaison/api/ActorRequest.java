package org.yaqaza.liaison.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.liaison.model.StixExtras;

/** An organisation a release names: rendered as a STIX threat-actor or intrusion-set. */
public record ActorRequest(
        @NotBlank @Size(max = 300) String name,
        @NotNull StixExtras.ActorKind kind,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> aliases,
        @Size(max = 4000) String description) {
}
