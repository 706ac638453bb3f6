package org.yaqaza.liaison.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The originator's recorded consent (third-party rule) to release material derived from its reports to one
 * other partner: for one product, or for any product when {@code productId} is null.
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

    /** The originator's letter, message or minute that records the consent. */
    @Column(nullable = false)
    public String reference;

    @Column(name = "granted_on", nullable = false)
    public LocalDate grantedOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
