package org.yaqaza.intelligence.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Arrests and seizures within a case; shares the case's marking and needs a supervisor's approval. */
@Entity
@Table(name = "intervention")
public class Intervention {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "intervention_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public String place;

    @Column(name = "location_id")
    public UUID locationId;

    @Column(nullable = false)
    public int arrests;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] seizures = new String[0];

    @Column(name = "dismantles_organisation_id")
    public UUID dismantlesOrganisationId;

    /** A planned plot this intervention foils: only an approved intervention makes a plot FOILED. */
    @Column(name = "foils_event_id")
    public UUID foilsEventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterventionStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "event_id")
    public UUID eventId;

    @Version
    public long version;
}
