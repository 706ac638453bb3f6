package org.yaqaza.liaison.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/** A foreign service we cooperate with. The relationship itself can be classified. */
@Entity
@Table(name = "partner")
public class Partner extends ProtectedRecord {

    /** Stable partner id, the value of the {@code partner} claim of its machine clients. */
    @Column(nullable = false, unique = true)
    public String code;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStatus status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
