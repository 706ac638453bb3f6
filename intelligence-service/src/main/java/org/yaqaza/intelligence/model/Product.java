package org.yaqaza.intelligence.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.ProtectedRecord;

/**
 * A sanitised product built from reports and other products, possibly at a lower marking than its sources: what
 * liaison releases. It keeps its sources and their lineage so the third-party and TLP rules can be checked later.
 */
@Entity
@Table(name = "product")
public class Product extends ProtectedRecord {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "tear_line")
    public String tearLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ThreatCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_report_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] sourceReportIds = new UUID[0];

    /** Products this one is derived from: their lineage is part of this one's. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_product_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] sourceProductIds = new UUID[0];

    /** The partners of {@link #lineage}, kept for clients that read only this. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "originator_partners", nullable = false, columnDefinition = "text[]")
    public String[] originatorPartners = new String[0];

    /** Every (partner, TLP) the product derives from, through its reports and products; see common Lineage. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] lineage = new String[0];

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
