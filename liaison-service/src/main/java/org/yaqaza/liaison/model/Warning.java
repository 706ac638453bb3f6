package org.yaqaza.liaison.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/** A duty-to-warn message to one partner, to be acknowledged before its deadline. */
@Entity
@Table(name = "warning")
public class Warning extends ProtectedRecord {

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Precedence precedence;

    @Convert(converter = TlpConverter.class)
    @Column(nullable = false)
    public Tlp tlp;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "deadline_at", nullable = false)
    public Instant deadlineAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
