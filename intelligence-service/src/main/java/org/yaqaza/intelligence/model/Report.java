package org.yaqaza.intelligence.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.common.security.TlpConverter;

/**
 * Raw intelligence as collected, graded on the Admiralty scale (source reliability and credibility apart). Its
 * provenance (source type, originating partner, TLP, submission) is written once, when it is filed.
 */
@Entity
@Table(name = "report")
public class Report extends ProtectedRecord {

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false)
    public SourceType sourceType;

    /** Source reliability, A (reliable) to F (cannot be judged). */
    @Column(nullable = false, length = 1)
    public String reliability;

    /** Information credibility, 1 (confirmed) to 6 (cannot be judged). */
    @Column(nullable = false)
    public short credibility;

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    @Column(name = "collected_place")
    public String collectedPlace;

    /** ISO 639-1 code of the text (ar, fr, en, es...). */
    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** Warrant or authorisation reference; mandatory for intrusive collection. */
    @Column(name = "legal_authorisation")
    public String legalAuthorisation;

    /** The partner service a PARTNER report came from (third-party rule). */
    @Column(name = "originator_partner")
    public String originatorPartner;

    /** TLP 2.0 the partner material was received under; null for national material. */
    @Convert(converter = TlpConverter.class)
    public Tlp tlp;

    /** The liaison submission (or TAXII inbox object) the report was filed from. */
    @Column(name = "submission_id")
    public String submissionId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What this report brings into the lineage of whatever cites it: its partner and TLP, if any. */
    public Lineage lineage() {
        return Lineage.of(originatorPartner, tlp);
    }
}
