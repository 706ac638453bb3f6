package org.yaqaza.liaison.mapping;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.yaqaza.common.security.Lineage;
import org.yaqaza.liaison.api.AgreementView;
import org.yaqaza.liaison.api.ConsentView;
import org.yaqaza.liaison.api.EscalationView;
import org.yaqaza.liaison.api.FeedbackView;
import org.yaqaza.liaison.api.PartnerReleaseView;
import org.yaqaza.liaison.api.PartnerWarningView;
import org.yaqaza.liaison.api.RecipientView;
import org.yaqaza.liaison.api.ReleaseView;
import org.yaqaza.liaison.api.RfiView;
import org.yaqaza.liaison.api.OutgoingRfiView;
import org.yaqaza.liaison.api.PartnerRfiView;
import org.yaqaza.liaison.api.SubmissionView;
import org.yaqaza.liaison.api.WarningView;
import org.yaqaza.liaison.model.Agreement;
import org.yaqaza.liaison.model.Consent;
import org.yaqaza.liaison.model.Escalation;
import org.yaqaza.liaison.model.Feedback;
import org.yaqaza.liaison.model.PartnerSubmission;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.ReleaseRecipient;
import org.yaqaza.liaison.model.Rfi;
import org.yaqaza.liaison.model.OutgoingRfi;
import org.yaqaza.liaison.model.Warning;
import org.yaqaza.liaison.stix.StixMapper;

/** Entities to wire records (entities never leave the service). */
public final class LiaisonMapper {

    private LiaisonMapper() {
    }

    /** {@code today} decides whether the agreement is active now. */
    public static AgreementView agreement(Agreement a, LocalDate today) {
        return new AgreementView(a.id, a.partnerId, a.reference, a.ceiling, List.of(a.categories), a.validFrom,
                a.validTo, a.status, a.activeOn(today), a.createdAt, a.createdBy, a.updatedAt,
                a.version, a.pendingCeiling, a.pendingCategories == null ? null : List.of(a.pendingCategories),
                a.proposedBy, a.proposedAt);
    }

    public static ConsentView consent(Consent c) {
        return new ConsentView(c.id, c.originatorPartner, c.recipientPartner, c.productId, c.category, c.validFrom,
                c.validTo, c.reference, c.grantedOn, c.status, c.recordedAt, c.recordedBy, c.decidedBy, c.decidedAt,
                c.revokedBy, c.revokedAt, c.revokeReason, c.version);
    }

    public static ReleaseView release(Release r, List<ReleaseRecipient> recipients) {
        return new ReleaseView(r.id, r.rootId, r.versionNo, r.supersedesId, r.correctionReason, r.productId,
                r.productVersion, r.title, r.summary, r.tearLine, r.category, List.of(r.sourceReportIds),
                List.of(r.originatorPartners), List.of(r.partnerCodes), r.tlp, r.note, r.stixExtras, r.rfiId,
                r.status, r.classification, List.of(r.compartments), r.ownerAgency, r.createdAt, r.createdBy,
                r.submittedBy, r.submittedAt, r.approvedBy, r.approvedAt, r.rejectionReason, r.releasedAt,
                recipients.stream().map(x -> new RecipientView(x.partnerCode, x.status, x.releasedAt,
                        x.acknowledgedAt)).toList(), r.version, Lineage.decode(r.lineage).list());
    }

    public static PartnerReleaseView partnerRelease(Release r, ReleaseRecipient recipient) {
        return new PartnerReleaseView(r.id, r.versionNo, r.supersedesId, r.correctionReason, r.title, r.summary,
                r.tearLine, r.category, r.tlp, recipient.releasedAt, recipient.status, recipient.acknowledgedAt,
                StixMapper.reportId(r.rootId));
    }

    public static FeedbackView feedback(Feedback f) {
        return new FeedbackView(f.id, f.releaseId, f.partnerCode, f.outcome, f.comment, f.receivedAt);
    }

    public static WarningView warning(Warning w) {
        Long seconds = w.acknowledgedAt == null || w.issuedAt == null ? null : Duration.between(w.issuedAt, w.acknowledgedAt).toSeconds();
        return new WarningView(w.id, w.partnerCode, w.precedence, w.tlp, w.category, w.productId,
                Lineage.decode(w.lineage).list(), w.status, w.title, w.body, w.classification,
                List.of(w.compartments), w.ownerAgency, w.approvedBy, w.approvedAt, w.rejectionReason, w.issuedAt, w.deadlineAt, w.acknowledgedAt, w.acknowledgedBy,
                seconds, w.escalatedAt, w.createdBy, w.version);
    }

    public static PartnerWarningView partnerWarning(Warning w) {
        return new PartnerWarningView(w.id, w.precedence, w.tlp, w.title, w.body, w.issuedAt, w.deadlineAt,
                w.acknowledgedAt);
    }

    public static EscalationView escalation(Escalation e, Warning w) {
        return new EscalationView(e.id, e.warningId, e.partnerCode, e.precedence, w.title, e.deadlineAt,
                e.escalatedAt);
    }

    public static SubmissionView submission(PartnerSubmission s) {
        return new SubmissionView(s.id, s.partnerCode, s.channel, s.title, s.body, s.language, s.reliability,
                s.credibility, s.collectedAt, s.classification, s.tlp, s.createdAt, s.deliveredAt, s.reportId);
    }

    /** {@code today} decides whether an open RFI is overdue. */
    public static RfiView rfi(Rfi r, LocalDate today) {
        boolean overdue = r.status.open() && r.dueDate.isBefore(today);
        return new RfiView(r.id, r.partnerCode, r.subject, r.question, r.language, r.dueDate, overdue, r.status,
                r.classification, r.assignedTo, r.assignedAt, r.answerReleaseId, r.declineReason, r.createdAt,
                r.closedAt, r.version);
    }

    /** {@code today} decides whether a sent request has expired. */
    public static OutgoingRfiView outgoingRfi(OutgoingRfi r, LocalDate today) {
        boolean expired = r.expired(today);
        return new OutgoingRfiView(r.id, r.partnerCode, r.subject, r.question, r.category, r.tlp, r.dueDate,
                expired ? "EXPIRED" : r.status.name(), expired, r.classification, List.of(r.compartments),
                r.ownerAgency, r.createdBy, r.createdAt, r.answer, r.answeredAt, r.answeredBy, r.withdrawnAt,
                r.withdrawnBy, r.withdrawReason, r.version);
    }

    public static PartnerRfiView partnerRfi(OutgoingRfi r, LocalDate today) {
        return new PartnerRfiView(r.id, r.subject, r.question, r.category, r.tlp, r.classification, r.dueDate,
                r.expired(today) ? "EXPIRED" : r.status.name(), r.createdAt, r.answer, r.answeredAt);
    }
}
