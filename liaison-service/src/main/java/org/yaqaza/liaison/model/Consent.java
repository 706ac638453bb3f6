package org.yaqaza.liaison.model;

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

/**
 * The originator's consent (third-party rule) to release material derived from its reports to one other partner:
 * for one product, or for one category within a window of at most a year. Recorded PENDING with the originator's
 * reference; counts only once a second person (a supervisor of the recording agency) approved it; revocable.
 */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "originator_partner", nullable = false)
    public String originatorPartner;

    @Column(name = "recipient_partner", nullable = false)
    public String recipientPartner;

    @Column(name = "product_id")
    public UUID productId;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** The originator's letter, message or minute that records the consent. */
    @Column(nullable = false)
    public String reference;

    @Column(name = "granted_on", nullable = false)
    public LocalDate grantedOn;

    /** The agency of who recorded it: its supervisors decide. */
    @Column(name = "owner_agency", nullable = false)
    public String ownerAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    @Version
    public long version;

    /** Scope and window as the audit trail and the views describe it. */
    public String scope() {
        String what = productId != null ? "product " + productId : "category " + category;
        String window = validFrom == null ? "" : " from " + validFrom + " to " + validTo;
        return originatorPartner + " -> " + recipientPartner + ", " + what + window + " (ref. " + reference + ")";
    }
}
