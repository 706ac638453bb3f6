package org.yaqaza.intelligence.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.ProtectedRecord;

/**
 * A person, organisation, location or event. One table for all kinds (kind-specific columns are null for the
 * others) so that relationships and graph walks join a single table.
 */
@Entity(name = "IntelEntity")
@Table(name = "entity")
public class IntelEntity extends ProtectedRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntityKind kind;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "entity_name", joinColumns = @JoinColumn(name = "entity_id"))
    @OrderColumn(name = "position")
    public List<EntityName> names = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "entity_identifier", joinColumns = @JoinColumn(name = "entity_id"))
    @OrderColumn(name = "position")
    public List<EntityIdentifier> identifiers = new ArrayList<>();

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_kind")
    public OrganisationKind organisationKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_status")
    public OrganisationStatus organisationStatus;

    @Column(name = "status_since")
    public LocalDate statusSince;

    @Enumerated(EnumType.STRING)
    public ThreatCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "external_affiliations", nullable = false, columnDefinition = "text[]")
    public String[] externalAffiliations = new String[0];

    public String country;

    public Double latitude;

    public Double longitude;

    @Column(name = "national_territory")
    public Boolean nationalTerritory;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public EventType eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_status")
    public EventStatus eventStatus;

    @Column(name = "event_date")
    public LocalDate eventDate;

    @Column(name = "place_id")
    public UUID placeId;

    public Integer arrests;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
