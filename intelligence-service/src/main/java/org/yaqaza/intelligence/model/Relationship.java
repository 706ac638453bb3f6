package org.yaqaza.intelligence.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.ProtectedRecord;

/** A directed link between two entities, with its own marking: a link can be more secret than its ends. */
@Entity
@Table(name = "relationship")
public class Relationship extends ProtectedRecord {

    @Column(name = "source_id", nullable = false)
    public UUID sourceId;

    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relationship_type", nullable = false)
    public RelationshipType type;

    /** 0 to 100. */
    @Column(nullable = false)
    public short confidence;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "supporting_report_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] supportingReportIds = new UUID[0];

    public String note;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
