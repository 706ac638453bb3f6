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

/** A threat assessment of a person or organisation; effective only once another person approved it. */
@Entity
@Table(name = "assessment")
public class Assessment extends ProtectedRecord {

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "threat_level", nullable = false)
    public ThreatLevel threatLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ThreatCategory category;

    @Column(nullable = false)
    public String rationale;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] indicators = new String[0];

    /** Reports the assessment cites. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "report_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] reportIds = new UUID[0];

    /** The lineage of the cited reports. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] lineage = new String[0];

    @Column(name = "next_review", nullable = false)
    public LocalDate nextReview;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
