package org.yaqaza.liaison.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/** A partner's request for information, answered by a release or declined. */
@Entity
@Table(name = "rfi")
public class Rfi extends ProtectedRecord {

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String question;

    @Column(nullable = false)
    public String language;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RfiStatus status;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "answer_release_id")
    public UUID answerReleaseId;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "closed_at")
    public Instant closedAt;
}
