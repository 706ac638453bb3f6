package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yaqaza.common.tracing.TraceContexts;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.api.SubmissionRequest;
import org.yaqaza.liaison.model.OutboxMessage;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerSubmission;
import org.yaqaza.liaison.model.Tlp;
import org.yaqaza.liaison.repository.OutboxMessageRepository;
import org.yaqaza.liaison.repository.PartnerSubmissionRepository;

/**
 * Intelligence from partners: stored and acknowledged at once; the PARTNER report for the intelligence-service
 * is written to the outbox in the same transaction, so an outage there loses nothing.
 */
@ApplicationScoped
public class SubmissionService {

    static final String OBJECT_TYPE = "partner-submission";
    public static final String TOPIC = "intelligence.partner-report";

    private final PartnerSubmissionRepository submissions;
    private final OutboxMessageRepository outbox;
    private final PartnerAccess access;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    public SubmissionService(PartnerSubmissionRepository submissions, OutboxMessageRepository outbox,
            PartnerAccess access, ObjectMapper json, AuditTrail audit, Clock clock) {
        this.submissions = submissions;
        this.outbox = outbox;
        this.access = access;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PartnerSubmission receive(Caller caller, SubmissionRequest request) {
        Partner partner = access.require(caller);
        return store(caller, partner, PartnerSubmission.REST, request, null);
    }

    /** Also used by the TAXII inbox, with the STIX objects kept beside the text rendering. */
    @Transactional
    public PartnerSubmission store(Caller caller, Partner partner, String channel, SubmissionRequest request,
            String stix) {
        PartnerSubmission s = new PartnerSubmission();
        s.id = UUID.randomUUID();
        // what a partner sends belongs to whoever holds the partnership (and those it is shared with)
        s.ownerAgency = partner.ownerAgency;
        s.sharedWith = partner.sharedWith.clone();
        s.createdAt = clock.instant();
        s.createdBy = caller.subject();
        s.classification = request.classification() == null ? Classification.RESTRICTED : request.classification();
        s.compartments = new String[0];
        s.partnerCode = partner.code;
        s.channel = channel;
        s.title = request.title();
        s.body = request.body();
        s.language = request.language();
        s.reliability = request.reliability() == null ? "F" : request.reliability();
        s.credibility = (short) (request.credibility() == null ? 6 : request.credibility());
        s.collectedAt = request.collectedAt() == null ? s.createdAt
                : request.collectedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        s.tlp = request.tlp() == null ? Tlp.AMBER : request.tlp();
        s.stix = stix;
        submissions.persist(s);

        PartnerReport report = new PartnerReport("PARTNER", s.reliability, (int) s.credibility, s.collectedAt,
                s.language, s.title, s.body, s.classification.name(), List.of(), partner.code, s.tlp.label(),
                s.id.toString());
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.topic = TOPIC;
        m.aggregateId = s.id;
        m.idempotencyKey = "liaison-submission-" + s.id;
        try {
            m.payload = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        m.status = OutboxMessage.PENDING;
        m.createdAt = s.createdAt;
        m.nextAttemptAt = s.createdAt;
        m.traceParent = TraceContexts.currentTraceparent();
        outbox.persist(m);
        audit.record("RECEIVE", OBJECT_TYPE, s.id, s.classification, "from " + partner.code + " via " + channel);
        return s;
    }

    @Transactional
    public PartnerSubmission get(Caller caller, UUID id) {
        PartnerSubmission s = submissions.getVisible(caller, id, "Submission");
        audit.read(OBJECT_TYPE, s);
        return s;
    }

    @Transactional
    public Page<PartnerSubmission> list(Caller caller, String partner, PageRequest page) {
        Page<PartnerSubmission> result = partner == null ? submissions.pageVisible(caller, null, Map.of(), page)
                : submissions.pageVisible(caller, "partnerCode = :p", Map.of("p", partner), page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    // partner side: its own submissions only

    @Transactional
    public List<PartnerSubmission> ownSubmissions(Caller caller, int limit) {
        Partner partner = access.require(caller);
        return submissions.find("partnerCode = ?1 order by createdAt desc, id desc", partner.code)
                .page(0, limit).list();
    }

    @Transactional
    public PartnerSubmission ownSubmission(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        PartnerSubmission s = submissions.find("id = ?1 and partnerCode = ?2", id, partner.code).firstResult();
        if (s == null) {
            throw ProblemException.notFound("Submission", id);
        }
        return s;
    }

    /** Marks a submission delivered (called by the dispatcher inside its transaction). */
    void delivered(UUID submissionId, UUID reportId, Instant at) {
        PartnerSubmission s = submissions.findById(submissionId);
        if (s != null) {
            s.reportId = reportId;
            s.deliveredAt = at;
        }
    }
}
