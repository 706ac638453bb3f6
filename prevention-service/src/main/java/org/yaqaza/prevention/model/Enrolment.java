package org.yaqaza.prevention.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "enrolment")
public class Enrolment {

    @Id
    public UUID id;

    @Column(name = "edition_id", nullable = false)
    public UUID editionId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentState state;

    @Column(nullable = false)
    public boolean voluntary;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "applied_on", nullable = false)
    public LocalDate appliedOn;

    @Column(name = "waitlisted_at")
    public Instant waitlistedAt;

    @Column(name = "enrolled_on")
    public LocalDate enrolledOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
