package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The event of a warning missing its acknowledgement deadline; at most one per warning. */
@Entity
@Table(name = "escalation")
public class Escalation {

    @Id
    public UUID id;

    @Column(name = "warning_id", nullable = false, unique = true)
    public UUID warningId;

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Precedence precedence;

    @Column(name = "deadline_at", nullable = false)
    public Instant deadlineAt;

    @Column(name = "escalated_at", nullable = false)
    public Instant escalatedAt;
}
