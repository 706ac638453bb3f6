package org.yaqaza.prevention.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A referral from another agency into a programme; nothing happens until a prevention supervisor decides. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public UUID id;

    @Column(name = "referring_agency", nullable = false)
    public String referringAgency;

    @Column(name = "referred_by", nullable = false)
    public String referredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "programme_kind", nullable = false)
    public ProgrammeKind programmeKind;

    public String region;

    @Column(nullable = false)
    public String purpose;

    public String summary;

    @Column(name = "full_name_ar")
    public byte[] fullNameAr;

    @Column(name = "full_name_latin")
    public byte[] fullNameLatin;

    @Column(name = "national_id")
    public byte[] nationalId;

    @Column(name = "birth_date")
    public byte[] birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public String context(String field) {
        return "referral:" + id + ":" + field;
    }
}
