package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.api.ReleaseRequest;
import org.yaqaza.liaison.api.RfiAnswerRequest;
import org.yaqaza.liaison.api.RfiRequest;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.Rfi;
import org.yaqaza.liaison.model.RfiStatus;
import org.yaqaza.liaison.repository.RfiRepository;

/** Requests for information: received from a partner, assigned, then answered by a release or declined. */
@ApplicationScoped
public class RfiService {

    static final String OBJECT_TYPE = "rfi";

    private final RfiRepository rfis;
    private final PartnerAccess access;
    private final ReleaseService releases;
    private final AuditTrail audit;
    private final Clock clock;

    public RfiService(RfiRepository rfis, PartnerAccess access, ReleaseService releases, AuditTrail audit,
            Clock clock) {
        this.rfis = rfis;
        this.access = access;
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Rfi receive(Caller caller, RfiRequest request) {
        Partner partner = access.require(caller);
        Rfi rfi = new Rfi();
        rfi.id = UUID.randomUUID();
        rfi.ownerAgency = partner.ownerAgency;
        rfi.sharedWith = partner.sharedWith.clone();
        rfi.createdAt = clock.instant();
        rfi.createdBy = caller.subject();
        rfi.classification = request.classification() == null ? Classification.RESTRICTED : request.classification();
        rfi.partnerCode = partner.code;
        rfi.subject = request.subject();
        rfi.question = request.question();
        rfi.language = request.language();
        rfi.dueDate = request.dueDate();
        rfi.status = RfiStatus.RECEIVED;
        rfis.persist(rfi);
        audit.record("RECEIVE", OBJECT_TYPE, rfi.id, rfi.classification, "from " + partner.code + ", due "
                + rfi.dueDate);
        return rfi;
    }

    @Transactional
    public Rfi get(Caller caller, UUID id) {
        Rfi rfi = rfis.getVisible(caller, id, "RFI");
        audit.read(OBJECT_TYPE, rfi);
        return rfi;
    }

    @Transactional
    public Page<Rfi> list(Caller caller, RfiStatus status, boolean overdueOnly, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (overdueOnly) {
            where.append(" and status in (:open) and dueDate < :today");
            params.put("open", List.of(RfiStatus.RECEIVED, RfiStatus.ASSIGNED));
            params.put("today", LocalDate.now(clock));
        }
        Page<Rfi> result = rfis.pageVisible(caller, where.toString(), params, page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    @Transactional
    public Rfi assign(Caller caller, UUID id, String assignee) {
        Rfi rfi = open(caller, id, "assigned");
        rfi.status = RfiStatus.ASSIGNED;
        rfi.assignedTo = assignee;
        rfi.assignedAt = clock.instant();
        rfis.flush();
        audit.record("ASSIGN", OBJECT_TYPE, rfi.id, rfi.classification, "to " + assignee);
        return rfi;
    }

    /** The answer is a release to the requesting partner, drafted and submitted through the same checks. */
    @Transactional
    public Rfi answer(Caller caller, UUID id, RfiAnswerRequest request) {
        Rfi rfi = open(caller, id, "answered");
        Release release = releases.create(caller, new ReleaseRequest(request.productId(),
                List.of(rfi.partnerCode), request.tlp(), request.note(), null, null, null), rfi.id);
        releases.submit(caller, release.id);
        rfi.status = RfiStatus.ANSWERED;
        rfi.answerReleaseId = release.id;
        rfi.closedAt = clock.instant();
        rfis.flush();
        audit.record("ANSWER", OBJECT_TYPE, rfi.id, rfi.classification, "by release " + release.id + " ("
                + release.status + ")");
        return rfi;
    }

    @Transactional
    public Rfi decline(Caller caller, UUID id, String reason) {
        Rfi rfi = open(caller, id, "declined");
        rfi.status = RfiStatus.DECLINED;
        rfi.declineReason = reason;
        rfi.closedAt = clock.instant();
        rfis.flush();
        audit.record("DECLINE", OBJECT_TYPE, rfi.id, rfi.classification, reason);
        return rfi;
    }

    // partner side

    @Transactional
    public List<Rfi> ownRfis(Caller caller, int limit) {
        Partner partner = access.require(caller);
        return rfis.find("partnerCode = ?1 order by createdAt desc, id desc", partner.code).page(0, limit).list();
    }

    @Transactional
    public Rfi ownRfi(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        Rfi rfi = rfis.find("id = ?1 and partnerCode = ?2", id, partner.code).firstResult();
        if (rfi == null) {
            throw ProblemException.notFound("RFI", id);
        }
        return rfi;
    }

    private Rfi open(Caller caller, UUID id, String action) {
        Rfi rfi = rfis.getVisible(caller, id, "RFI");
        EditRules.requireOwnerAgency(caller, rfi, OBJECT_TYPE);
        if (!rfi.status.open()) {
            throw ProblemException.conflict("RFI closed", "This RFI was " + rfi.status + " and cannot be " + action
                    + ".");
        }
        return rfi;
    }
}
