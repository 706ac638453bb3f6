package org.yaqaza.prevention.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A certificate of a trained imam or preacher. */
@Entity
@Table(name = "certificate")
public class Certificate {

    /** Certificate numbers: what the registry issues, and all a validity lookup accepts. */
    public static final String NUMBER_PATTERN = "[A-Z0-9][A-Z0-9-]{3,39}";

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "revoked_on")
    public LocalDate revokedOn;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** Revoked from its revocation date on, expired after its expiry date. */
    public CertificateStatus statusOn(LocalDate day) {
        if (revokedOn != null && !revokedOn.isAfter(day)) {
            return CertificateStatus.REVOKED;
        }
        return expiresOn.isBefore(day) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
    }
}
