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

@Entity
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentScope scope;

    @Column(name = "given_on", nullable = false)
    public LocalDate givenOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public String note;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_recorded_by")
    public String withdrawalRecordedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
