package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Cursor;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.liaison.api.FeedbackRequest;
import org.yaqaza.liaison.model.Feedback;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.RecipientStatus;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.ReleaseRecipient;
import org.yaqaza.liaison.repository.FeedbackRepository;
import org.yaqaza.liaison.repository.ReleaseRecipientRepository;
import org.yaqaza.liaison.repository.ReleaseRepository;

/**
 * Releases as a partner system sees them: only those released to it (the recipient row is part of every
 * query), anything else answers 404 exactly like a missing id.
 */
@ApplicationScoped
public class PartnerReleaseService {

    private final PartnerAccess access;
    private final ReleaseRepository releases;
    private final ReleaseRecipientRepository recipients;
    private final FeedbackRepository feedback;
    private final ReleaseService releaseService;
    private final AuditTrail audit;
    private final Clock clock;

    public PartnerReleaseService(PartnerAccess access, ReleaseRepository releases,
            ReleaseRecipientRepository recipients, FeedbackRepository feedback, ReleaseService releaseService,
            AuditTrail audit, Clock clock) {
        this.access = access;
        this.releases = releases;
        this.recipients = recipients;
        this.feedback = feedback;
        this.releaseService = releaseService;
        this.audit = audit;
        this.clock = clock;
    }

    /** A release and this partner's recipient row. */
    public record Received(Release release, ReleaseRecipient recipient) {
    }

    @Transactional
    public Page<Received> list(Caller caller, PageRequest page) {
        Partner partner = access.require(caller);
        StringBuilder q = new StringBuilder("select r, rr from Release r, ReleaseRecipient rr where rr.releaseId = "
                + "r.id and rr.partnerCode = :partner");
        var params = new java.util.HashMap<String, Object>();
        params.put("partner", partner.code);
        if (page.cursor() != null) {
            q.append(" and (rr.releasedAt < :at or (rr.releasedAt = :at and r.id < :id))");
            params.put("at", page.cursor().createdAt());
            params.put("id", page.cursor().id());
        }
        var query = releases.getEntityManager().createQuery(q + " order by rr.releasedAt desc, r.id desc",
                Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<Received> items = rows.stream().limit(page.limit())
                .map(row -> new Received((Release) row[0], (ReleaseRecipient) row[1])).toList();
        String next = rows.size() > page.limit()
                ? new Cursor(items.get(items.size() - 1).recipient().releasedAt,
                        items.get(items.size() - 1).release().id).encode()
                : null;
        return new Page<>(items, next);
    }

    @Transactional
    public Received get(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        return find(partner, id);
    }

    @Transactional
    public Received acknowledge(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        Received received = find(partner, id);
        ReleaseRecipient recipient = received.recipient();
        if (recipient.acknowledgedAt == null) {
            recipient.acknowledgedAt = clock.instant();
            recipient.acknowledgedBy = caller.subject();
            if (recipient.status == RecipientStatus.RELEASED) {
                recipient.status = RecipientStatus.ACKNOWLEDGED;
            }
            releaseService.refreshStatus(received.release());
            releases.flush();
            audit.record("ACKNOWLEDGE", ReleaseService.OBJECT_TYPE, id, received.release().classification,
                    "by partner " + partner.code);
        }
        return received;
    }

    @Transactional
    public Feedback feedback(Caller caller, UUID id, FeedbackRequest request) {
        Partner partner = access.require(caller);
        Received received = find(partner, id);
        ReleaseRecipient recipient = received.recipient();
        if (feedback.count("releaseId = ?1 and partnerCode = ?2", id, partner.code) > 0) {
            // counted once per release and partner: the statistics never see the same outcome twice
            throw ProblemException.conflict("Feedback already given", "Your feedback on this release was received"
                    + " already and counts once; contact the liaison officer to correct it.");
        }
        Instant now = clock.instant();
        if (recipient.acknowledgedAt == null) {
            // feedback implies receipt: it acknowledges too
            recipient.acknowledgedAt = now;
            recipient.acknowledgedBy = caller.subject();
        }
        recipient.status = RecipientStatus.FEEDBACK_RECEIVED;
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.releaseId = id;
        f.partnerCode = partner.code;
        f.outcome = request.outcome();
        f.comment = request.comment();
        f.receivedAt = now;
        f.receivedFrom = caller.subject();
        feedback.persist(f);
        releaseService.refreshStatus(received.release());
        releases.flush();
        audit.record("FEEDBACK", ReleaseService.OBJECT_TYPE, id, received.release().classification,
                partner.code + ": " + f.outcome);
        return f;
    }

    public List<Feedback> feedbackOf(UUID releaseId) {
        return feedback.list("releaseId = ?1 order by receivedAt", releaseId);
    }

    private Received find(Partner partner, UUID id) {
        ReleaseRecipient recipient = recipients.find("releaseId = ?1 and partnerCode = ?2", id, partner.code)
                .firstResult();
        if (recipient == null) {
            throw ProblemException.notFound("Release", id);
        }
        return new Received(releases.findById(id), recipient);
    }
}
