package org.yaqaza.console.api;

import java.time.Instant;

import org.yaqaza.console.web.Marking;

import io.quarkus.qute.TemplateData;

/**
 * One thing in the supervisors' inbox, whatever service and kind it comes from: what it is, what it changes
 * (before/after when the API gives them), who asked and when, the four-eyes rule that applies, and whether the
 * viewer may approve it ({@code notApprovable}: the reason key when not, e.g. {@code own-request}).
 * {@code parentId}: the record the item belongs to when the API needs it to decide (an intervention's case).
 */
@TemplateData
public record ApprovalItem(String source, String kind, String parentId, String id, String subject, String before,
        String after,
        String reason, String requestedBy, Instant requestedAt, String classification, String ownerAgency,
        String notApprovable) {

    /** The element id and test handle: unique across services and kinds. */
    public String key() {
        return source + "-" + kind + "-" + id;
    }

    /** A liaison item other than a marking request (releases, warnings, consents, widenings: issue 19 item 2). */
    public boolean liaisonKind() {
        return "liaison".equals(source) && !"marking".equals(kind);
    }

    /** A prevention item other than a marking request (referrals, handovers). */
    public boolean preventionKind() {
        return "prevention".equals(source) && !"marking".equals(kind);
    }

    public Marking marking() {
        return Marking.parse(classification);
    }

    /** The console's decision route for this item. */
    public String action() {
        return "/console/approvals/" + source + "/" + kind + "/" + (parentId == null ? "" : parentId + "/") + id;
    }
}
