package org.yaqaza.prevention.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A re-offence event (from court or police records), the event of the survival analysis. */
@Entity
@Table(name = "reoffence")
public class Reoffence {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReoffenceKind kind;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
