package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One partner a release went to, with that partner's acknowledgement. */
@Entity
@Table(name = "release_recipient")
public class ReleaseRecipient {

    @Id
    public UUID id;

    @Column(name = "release_id", nullable = false)
    public UUID releaseId;

    @Column(name = "partner_code", nullable = false)
    public String partnerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecipientStatus status;

    @Column(name = "released_at", nullable = false)
    public Instant releasedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}
