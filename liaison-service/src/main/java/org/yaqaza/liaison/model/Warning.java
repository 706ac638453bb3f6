package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    /** The product the warning cites, if any: its lineage then goes through the release checks. */
    @Column(name = "product_id")
    public UUID productId;

    /** Every (partner, TLP) the cited product derives from, as common {@code Lineage.encode()}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] lineage = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WarningStatus status;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** Set when the warning reaches the partner (at once, or at approval): the deadline counts from here. */
    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
