package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.EventStatus;
import org.yaqaza.intelligence.model.EventType;
import org.yaqaza.intelligence.model.NameType;
import org.yaqaza.intelligence.model.OrganisationKind;
import org.yaqaza.intelligence.model.OrganisationStatus;
import org.yaqaza.intelligence.model.ThreatCategory;

/**
 * A person, organisation, location or event as created or updated; kind-specific fields are checked by the
 * service (an organisation needs its kind and status, an event its type, status and date).
 */
public record EntityRequest(
        @NotNull EntityKind kind,
        @NotBlank @Size(max = 300) String displayName,
        @Size(max = 10_000) String description,
        @Size(max = 50) List<@Valid @NotNull Name> names,
        LocalDate birthDate,
        @Pattern(regexp = "[A-Z]{2,3}", message = "must be an ISO 3166 country code") String nationality,
        @Size(max = 30) List<@Valid @NotNull Identifier> identifiers,
        OrganisationKind organisationKind,
        OrganisationStatus organisationStatus,
        LocalDate statusSince,
        ThreatCategory category,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> externalAffiliations,
        @Pattern(regexp = "[A-Z]{2,3}", message = "must be an ISO 3166 country code") String country,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        Boolean nationalTerritory,
        EventType eventType,
        EventStatus eventStatus,
        LocalDate eventDate,
        UUID placeId,
        @Min(0) Integer arrests,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        Long version) {

    /** A name in any script; the script is detected when not given. */
    public record Name(@NotBlank @Size(max = 300) String name, NameType type,
            @Pattern(regexp = "ARABIC|LATIN|OTHER", message = "must be ARABIC, LATIN or OTHER") String script) {
    }

    public record Identifier(@NotBlank @Size(max = 50) String type, @NotBlank @Size(max = 100) String value,
            @Pattern(regexp = "[A-Z]{2,3}", message = "must be an ISO 3166 country code") String country) {
    }
}
