package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    /** People at the partner service we deal with. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Contact> contacts = new ArrayList<>();

    /** Gateway machine clients (token subjects) that act for this partner; no other client may. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "client_ids", nullable = false, columnDefinition = "text[]")
    public String[] clientIds = new String[0];
}
