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

/** An operation grouping entities and reports around one threat. */
@Entity(name = "IntelCase")
@Table(name = "intel_case")
public class IntelCase extends ProtectedRecord {

    @Column(nullable = false)
    public String title;

    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ThreatCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "prosecution_reference")
    public String prosecutionReference;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "entity_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] entityIds = new UUID[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "report_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] reportIds = new UUID[0];

    /** The lineage of the case's reports. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] lineage = new String[0];

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
