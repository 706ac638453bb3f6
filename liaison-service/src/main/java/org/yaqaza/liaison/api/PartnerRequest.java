package org.yaqaza.liaison.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.PartnerStatus;

/** A partner service as registered or updated by a liaison officer. */
public record PartnerRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id") String code,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country,
        @NotBlank @Size(max = 300) String serviceName,
        @NotNull PartnerStatus status,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @Size(max = 50) List<@Valid @NotNull ContactRequest> contacts,
        @Size(max = 50) List<@NotNull @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:@-]+",
                message = "must be a client id") String> clientIds,
        Long version) {
}
