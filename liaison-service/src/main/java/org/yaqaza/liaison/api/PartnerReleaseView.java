package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.RecipientStatus;
import org.yaqaza.liaison.model.Tlp;

/** What a partner sees of a release made to it: the released content and its own acknowledgement. */
public record PartnerReleaseView(UUID id, int versionNo, UUID supersedesId, String correctionReason, String title,
        String summary, String tearLine, Category category, Tlp tlp, Instant releasedAt, RecipientStatus status,
        Instant acknowledgedAt, String stixReportId) {
}
