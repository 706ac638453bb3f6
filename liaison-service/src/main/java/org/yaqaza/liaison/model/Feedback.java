package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    public UUID id;

    @Column(name = "release_id", nullable = false)
    public UUID releaseId;

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    public String comment;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "received_from", nullable = false)
    public String receivedFrom;
}
