package org.yaqaza.liaison.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.ClassificationConverter;

/** A sharing agreement with a partner: what may be released to it, and when. Protected by its partner. */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String reference;

    /** Highest classification releasable under this agreement. */
    @Convert(converter = ClassificationConverter.class)
    @Column(nullable = false)
    public Classification ceiling;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] categories = new String[0];

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status;

    /** A proposed higher ceiling (with {@link #pendingCategories}): in force only once a second person approves. */
    @Convert(converter = ClassificationConverter.class)
    @Column(name = "pending_ceiling")
    public Classification pendingCeiling;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "pending_categories", columnDefinition = "text[]")
    public String[] pendingCategories;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean activeOn(LocalDate day) {
        return status == AgreementStatus.ACTIVE && !validFrom.isAfter(day)
                && (validTo == null || !validTo.isBefore(day));
    }

    public boolean allows(Category category) {
        for (String c : categories) {
            if (c.equals(category.name())) {
                return true;
            }
        }
        return false;
    }
}
