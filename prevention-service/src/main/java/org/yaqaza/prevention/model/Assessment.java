package org.yaqaza.prevention.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A structured professional judgement: ratings with evidence, and the assessor's own overall judgement. */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    public UUID id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Column(name = "instrument_id", nullable = false)
    public UUID instrumentId;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentOccasion occasion;

    @Column(nullable = false)
    public String assessor;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Rating> ratings;

    @Column(name = "overall_judgement", nullable = false)
    public String overallJudgement;

    @Column(nullable = false)
    public String rationale;

    @Column(name = "next_due_on")
    public LocalDate nextDueOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** One indicator's rating and the evidence behind it. */
    public record Rating(String indicator, String level, String evidence) {
    }
}
