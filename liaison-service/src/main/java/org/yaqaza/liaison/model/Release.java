package org.yaqaza.liaison.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.ProtectedRecord;

/**
 * An intelligence product released (or to be released) to partners: a snapshot of the product as it was
 * checked, marked like the product. Once released nothing here changes (the database refuses it); a correction
 * is a new release with {@code supersedesId} pointing at this one.
 */
@Entity
@Table(name = "release")
public class Release extends ProtectedRecord {

    /** Id of the first version: the STIX report id of every version. */
    @Column(name = "root_id", nullable = false)
    public UUID rootId;

    @Column(name = "version_no", nullable = false)
    public int versionNo;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "product_version", nullable = false)
    public long productVersion;

    @Column(name = "product_owner", nullable = false)
    public String productOwner;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "tear_line")
    public String tearLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_report_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] sourceReportIds = new UUID[0];

    /** Partners whose reports this product derives from (third-party rule). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "originator_partners", nullable = false, columnDefinition = "text[]")
    public String[] originatorPartners = new String[0];

    /**
     * Every (partner, TLP) the released material derives from, stored as common {@code Lineage.encode()}: what the
     * third-party and TLP checks read. A correction adds the lineage of the version it corrects.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] lineage = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "partner_codes", nullable = false, columnDefinition = "text[]")
    public String[] partnerCodes = new String[0];

    @Convert(converter = TlpConverter.class)
    @Column(nullable = false)
    public Tlp tlp;

    public String note;

    /** Threat actors and indicators the officer attached for the STIX rendering (JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stix_extras", nullable = false, columnDefinition = "jsonb")
    public StixExtras stixExtras = StixExtras.EMPTY;

    @Column(name = "rfi_id")
    public UUID rfiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseStatus status;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
