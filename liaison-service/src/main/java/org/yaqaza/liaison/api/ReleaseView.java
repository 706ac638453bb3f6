package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.ReleaseStatus;
import org.yaqaza.liaison.model.StixExtras;
import org.yaqaza.liaison.model.Tlp;

/**
 * A release as liaison officers and supervisors see it; {@code lineage} lists every (partner, TLP) its material
 * derives from, what the third-party and TLP checks were run against.
 */
public record ReleaseView(UUID id, UUID rootId, int versionNo, UUID supersedesId, String correctionReason,
        UUID productId, long productVersion, String title, String summary, String tearLine, Category category,
        List<UUID> sourceReportIds, List<String> originatorPartners, List<String> partners, Tlp tlp, String note,
        StixExtras stix, UUID rfiId, ReleaseStatus status, Classification classification, List<String> compartments,
        String ownerAgency, Instant createdAt, String createdBy, String submittedBy, Instant submittedAt,
        String approvedBy, Instant approvedAt, String rejectionReason, Instant releasedAt,
        List<RecipientView> recipients, long version, List<LineageEntry> lineage) {
}
