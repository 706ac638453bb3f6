package org.yaqaza.gateway.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.ClassificationConverter;

/**
 * What a person or a machine client is allowed, as it goes into their tokens, and since when their tokens are
 * good. Users and clients live in separate tables with their own name and credential columns.
 */
@MappedSuperclass
public abstract class DirectoryEntry {

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles = new String[0];

    @Convert(converter = ClassificationConverter.class)
    @Column(nullable = false)
    public Classification clearance;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] compartments = new String[0];

    @Column(nullable = false)
    public String agency;

    @Column(nullable = false)
    public boolean enabled;

    /**
     * Tokens issued before this instant are refused by the gateway (and its streams of this subject closed): set,
     * rounded up to the next second, when the entry is disabled, its credential set or its token claims changed.
     */
    @Column(name = "tokens_valid_after")
    public Instant tokensValidAfter;

    @Column(name = "credential_changed_at", nullable = false)
    public Instant credentialChangedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;

    /** {@code user} or {@code client}: audit object type and sign-in throttling key. */
    public abstract String kind();

    /** The login name, which is also the token subject. */
    public abstract String name();

    public abstract String credentialHash();

    public abstract void credentialHash(String hash);
}
