package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.ProtectedRecord;

/** Intelligence a partner sent us (REST or a TAXII envelope), owned by our agency once received. */
@Entity
@Table(name = "partner_submission")
public class PartnerSubmission extends ProtectedRecord {

    public static final String REST = "REST";
    public static final String TAXII = "TAXII";

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false, length = 1)
    public String reliability;

    @Column(nullable = false)
    public short credibility;

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    @Convert(converter = TlpConverter.class)
    @Column(nullable = false)
    public Tlp tlp;

    /** The STIX objects as received (TAXII channel). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String stix;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The PARTNER report the intelligence-service created for it. */
    @Column(name = "report_id")
    public UUID reportId;
}
