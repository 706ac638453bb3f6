package org.yaqaza.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The liaison service's records as the liaison pages read them (only the fields shown; enums as the API spells
 * them). One holder keeps the liaison console's wire types together.
 */
public final class LiaisonViews {

    private LiaisonViews() {
    }

    @TemplateData
    public record Partner(String id, String code, String country, String serviceName, String status,
            String classification, List<Contact> contacts) {
    }

    @TemplateData
    public record Contact(String name, String function, String email, String phone) {
    }

    @TemplateData
    public record Agreement(String id, String partnerId, String reference, String ceiling, List<String> categories,
            LocalDate validFrom, LocalDate validTo, String status, boolean activeToday, String pendingCeiling,
            List<String> pendingCategories, String proposedBy, Instant proposedAt) {
    }

    @TemplateData
    public record LineageEntry(String partner, String tlp) {
    }

    @TemplateData
    public record Recipient(String partner, String status, Instant releasedAt, Instant acknowledgedAt) {
    }

    @TemplateData
    public record Release(String id, int versionNo, String productId, String title, String category,
            List<String> partners, String tlp, String note, String status, String classification,
            String ownerAgency, Instant createdAt, String createdBy, String submittedBy, Instant submittedAt,
            String approvedBy, String rejectionReason, Instant releasedAt, List<Recipient> recipients,
            List<LineageEntry> lineage) {
    }

    /** The body of a draft and of a check (the liaison API's release request). */
    public record ReleaseRequest(String productId, List<String> partners, String tlp, String note) {
    }

    /** {@code reasonCode} and {@code reasonParams}: the refusal as a stable code the pages word in each language. */
    @TemplateData
    public record PartnerCheck(String partner, boolean passed, String rule, String title, String reason,
            String reasonCode, Map<String, String> reasonParams) {
    }

    @TemplateData
    public record Check(String productId, String title, String classification, String category, String tlp,
            List<LineageEntry> lineage, List<PartnerCheck> partners, boolean passed) {
    }

    @TemplateData
    public record Warning(String id, String partner, String precedence, String tlp, String category, String status,
            String title, String classification, Instant issuedAt, Instant deadlineAt, Instant acknowledgedAt,
            Long acknowledgementSeconds, Instant escalatedAt, String createdBy, String approvedBy) {
    }

    @TemplateData
    public record Rfi(String id, String partner, String subject, String question, String language,
            LocalDate dueDate, boolean overdue, String status, String classification, String assignedTo,
            String answerReleaseId, Instant receivedAt) {
    }

    /** A request for information we sent; {@code status} SENT, EXPIRED, ANSWERED or WITHDRAWN. */
    @TemplateData
    public record OutgoingRfi(String id, String partner, String subject, String question, String category,
            String tlp, LocalDate dueDate, String status, boolean overdue, String classification, String createdBy,
            Instant sentAt, String answer, Instant answeredAt, Instant withdrawnAt, String withdrawReason) {
    }

    /** The body of {@code POST /api/liaison/outgoing-rfis}. */
    public record OutgoingRfiRequest(String partner, String subject, String question, String category, String tlp,
            String dueDate, String classification) {
    }

    /** The body of a withdrawal. */
    public record WithdrawRequest(String reason) {
    }

    @TemplateData
    public record Submission(String id, String partner, String channel, String title, String language,
            String classification, String tlp, Instant receivedAt, Instant deliveredAt, String reportId) {
    }

    @TemplateData
    public record Consent(String id, String originatorPartner, String recipientPartner, String productId,
            String category, LocalDate validFrom, LocalDate validTo, String reference, String status,
            Instant recordedAt, String recordedBy) {
    }

    @TemplateData
    public record Product(String id, String title, String category, String classification) {
    }

    @TemplateData
    public record Statistics(int year, List<PartnerYear> partners, PartnerYear total) {
    }

    @TemplateData
    public record PartnerYear(String partner, long releases, long releasesAcknowledged, long warnings,
            long warningsAcknowledged, long warningsEscalated, Map<String, Long> outcomes) {
    }
}
