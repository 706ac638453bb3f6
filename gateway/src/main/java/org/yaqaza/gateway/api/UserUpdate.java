package org.yaqaza.gateway.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Replaces what a person may do (PUT semantics: every field given). */
public record UserUpdate(
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(max = 16) Set<@NotNull @KnownRole String> roles,
        @NotNull @KnownClearance String clearance,
        @NotNull @Size(max = 100) Set<@NotNull @Code String> compartments,
        @NotNull @Code String agency,
        @NotNull Boolean enabled) {
}
