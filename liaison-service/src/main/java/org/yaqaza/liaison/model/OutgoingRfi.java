package org.yaqaza.liaison.model;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/** A request for information our liaison officers send to a partner, answered by the partner in text. */
@Entity
@Table(name = "outgoing_rfi")
public class OutgoingRfi extends ProtectedRecord {

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Convert(converter = TlpConverter.class)
    @Column(nullable = false)
    public Tlp tlp;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutgoingRfiStatus status;

    @Column
    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    /** Sent, not answered nor withdrawn, and its due date has passed. */
    public boolean expired(LocalDate today) {
        return status == OutgoingRfiStatus.SENT && dueDate.isBefore(today);
    }
}
