package org.yaqaza.prevention.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/** A prevention or rehabilitation programme run by an institution (a prison, a council of ulema...). */
@Entity
@Table(name = "programme")
public class Programme extends ProtectedRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeKind kind;

    @Column(nullable = false)
    public String name;

    public String institution;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public int capacity;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ScheduleSlot> schedule = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "partner_institutions", nullable = false)
    public List<PartnerInstitution> partnerInstitutions = new ArrayList<>();

    /** Eligibility: only a person's own request counts (always so for prison reconciliation). */
    @Column(name = "voluntary_application_required", nullable = false)
    public boolean voluntaryApplicationRequired;

    @Column(name = "minimum_age")
    public Integer minimumAge;

    @Column(name = "maximum_age")
    public Integer maximumAge;

    /** Days between assessments; null when the programme does not assess participants. */
    @Column(name = "assessment_cadence_days")
    public Integer assessmentCadenceDays;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
