package org.yaqaza.prevention.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The history of an enrolment's states. */
@Entity
@Table(name = "enrolment_transition")
public class EnrolmentTransition {

    @Id
    public UUID id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false)
    public EnrolmentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public EnrolmentState toState;

    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
