package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.EventStatus;
import org.yaqaza.intelligence.model.EventType;
import org.yaqaza.intelligence.model.OrganisationKind;
import org.yaqaza.intelligence.model.OrganisationStatus;
import org.yaqaza.intelligence.model.ThreatCategory;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entity as the API returns it; fields of other kinds are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityView(
        UUID id,
        EntityKind kind,
        String displayName,
        String description,
        List<NameView> names,
        LocalDate birthDate,
        String nationality,
        List<EntityRequest.Identifier> identifiers,
        OrganisationKind organisationKind,
        OrganisationStatus organisationStatus,
        LocalDate statusSince,
        ThreatCategory category,
        List<String> externalAffiliations,
        String country,
        Double latitude,
        Double longitude,
        Boolean nationalTerritory,
        EventType eventType,
        EventStatus eventStatus,
        LocalDate eventDate,
        UUID placeId,
        Integer arrests,
        Classification classification,
        List<String> compartments,
        String ownerAgency,
        List<String> sharedWith,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        long version) {

    public record NameView(String name, String type, String script) {
    }
}
