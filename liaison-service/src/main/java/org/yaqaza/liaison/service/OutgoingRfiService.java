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
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.liaison.api.OutgoingRfiRequest;
import org.yaqaza.liaison.model.OutgoingRfi;
import org.yaqaza.liaison.model.OutgoingRfiStatus;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.repository.OutgoingRfiRepository;

/**
 * Requests for information our officers send to a partner: checked like a release (active agreement, the
 * classification within its ceiling, the category allowed; a question carries no product, so no lineage), read by the
 * partner it is addressed to, answered by that partner in text (stored with the request) or withdrawn by us.
 */
@ApplicationScoped
public class OutgoingRfiService {

    static final String OBJECT_TYPE = "outgoing-rfi";
    /** The states a list can be filtered by: the stored ones and EXPIRED (SENT, past its due date). */
    public static final List<String> STATES = List.of("SENT", "EXPIRED", "ANSWERED", "WITHDRAWN");

    private final OutgoingRfiRepository rfis;
    private final ReleaseChecks checks;
    private final PartnerAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public OutgoingRfiService(OutgoingRfiRepository rfis, ReleaseChecks checks, PartnerAccess access,
            AuditTrail audit, Clock clock) {
        this.rfis = rfis;
        this.checks = checks;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OutgoingRfi send(Caller caller, OutgoingRfiRequest request) {
        OutgoingRfi rfi = new OutgoingRfi();
        rfi.protect(caller, clock.instant(), request.classification(), request.compartments(), List.of());
        rfi.partnerCode = request.partner();
        rfi.subject = request.subject();
        rfi.question = request.question();
        rfi.category = request.category();
        rfi.tlp = request.tlp();
        rfi.dueDate = request.dueDate();
        rfi.status = OutgoingRfiStatus.SENT;
        checks.check(caller, material(rfi), List.of(rfi.partnerCode));
        rfis.persist(rfi);
        audit.record("SEND", OBJECT_TYPE, rfi.id, rfi.classification, "to " + rfi.partnerCode + ", due "
                + rfi.dueDate);
        return rfi;
    }

    static ReleaseChecks.Material material(OutgoingRfi rfi) {
        return new ReleaseChecks.Material("RFI", null, rfi.classification, rfi.category, Lineage.NONE,
                Tlp.of(rfi.tlp.label()));
    }

    @Transactional
    public OutgoingRfi get(Caller caller, UUID id) {
        OutgoingRfi rfi = rfis.getVisible(caller, id, "RFI");
        audit.read(OBJECT_TYPE, rfi);
        return rfi;
    }

    /** {@code state} is one of {@link #STATES} or null; the visibility rule is part of the query. */
    @Transactional
    public Page<OutgoingRfi> list(Caller caller, String state, String partner, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            switch (state) {
                case "SENT" -> where.append(" and status = :status and dueDate >= :today");
                case "EXPIRED" -> where.append(" and status = :status and dueDate < :today");
                default -> where.append(" and status = :status");
            }
            params.put("status", "EXPIRED".equals(state) ? OutgoingRfiStatus.SENT : OutgoingRfiStatus.valueOf(state));
            if ("SENT".equals(state) || "EXPIRED".equals(state)) {
                params.put("today", LocalDate.now(clock));
            }
        }
        if (partner != null) {
            where.append(" and partnerCode = :partner");
            params.put("partner", partner);
        }
        Page<OutgoingRfi> result = rfis.pageVisible(caller, where.toString(), params, page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    /** Only users of the owning agency withdraw; an answered or withdrawn request stays as it is (409). */
    @Transactional
    public OutgoingRfi withdraw(Caller caller, UUID id, String reason) {
        OutgoingRfi rfi = rfis.findVisibleForUpdate(caller, id).orElseThrow(() -> ProblemException.notFound("RFI", id));
        EditRules.requireOwnerAgency(caller, rfi, OBJECT_TYPE);
        if (rfi.status != OutgoingRfiStatus.SENT) {
            throw ProblemException.conflict("RFI closed", "This RFI was " + rfi.status + " and cannot be withdrawn.");
        }
        rfi.status = OutgoingRfiStatus.WITHDRAWN;
        rfi.withdrawnAt = clock.instant();
        rfi.withdrawnBy = caller.subject();
        rfi.withdrawReason = reason == null || reason.isBlank() ? null : reason.strip();
        rfis.flush();
        audit.record("WITHDRAW", OBJECT_TYPE, rfi.id, rfi.classification,
                rfi.withdrawReason == null ? "to " + rfi.partnerCode : rfi.withdrawReason);
        return rfi;
    }

    // partner side: only requests addressed to the calling partner; anything else is 404 like a missing id

    @Transactional
    public List<OutgoingRfi> forPartner(Caller caller, int limit) {
        Partner partner = access.require(caller);
        return rfis.find("partnerCode = ?1 order by createdAt desc, id desc", partner.code).page(0, limit).list();
    }

    @Transactional
    public OutgoingRfi getForPartner(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        OutgoingRfi rfi = rfis.find("id = ?1 and partnerCode = ?2", id, partner.code).firstResult();
        if (rfi == null) {
            throw ProblemException.notFound("RFI", id);
        }
        return rfi;
    }

    /** Once, while the request is open: answered, withdrawn or expired requests answer 409. */
    @Transactional
    public OutgoingRfi answer(Caller caller, UUID id, String answer) {
        Partner partner = access.require(caller);
        OutgoingRfi rfi = rfis.find("id = ?1 and partnerCode = ?2", id, partner.code)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (rfi == null) {
            throw ProblemException.notFound("RFI", id);
        }
        if (rfi.status != OutgoingRfiStatus.SENT) {
            throw ProblemException.conflict("RFI closed", "This RFI was " + rfi.status + " and takes no answer.");
        }
        LocalDate today = LocalDate.now(clock);
        if (rfi.expired(today)) {
            throw ProblemException.conflict("RFI expired", "This RFI was due on " + rfi.dueDate
                    + " and takes no answer any more; the requesting service may send a new one.");
        }
        rfi.status = OutgoingRfiStatus.ANSWERED;
        rfi.answer = answer;
        rfi.answeredAt = clock.instant();
        rfi.answeredBy = caller.subject();
        rfis.flush();
        audit.record("ANSWER", OBJECT_TYPE, rfi.id, rfi.classification, "by " + partner.code);
        return rfi;
    }
}
