package org.yaqaza.common.marking;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.marking.api.MarkingRequestCreate;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Marking;
import org.yaqaza.common.security.MarkingAuthority;
import org.yaqaza.common.security.MarkingChange;
import org.yaqaza.common.security.ProtectedRecord;

/**
 * Marking requests of one service, for every protected record type its {@link MarkedRecordResolver} names. A
 * lowering waits for a supervisor of the owning agency who did not ask (four-eyes) and is applied in the
 * decision's transaction, on the record version it was asked for; a pure raise is applied at once. Every step is
 * audited with the old and the new marking.
 */
@ApplicationScoped
public class MarkingRequestService {

    public static final String OBJECT_TYPE = "marking-request";
    public static final String STALE = "urn:yaqaza:problem:marking-request-stale";

    private static final String WHAT = "downgrade request";

    private final MarkingRequestRepository requests;
    private final Instance<MarkedRecordResolver> resolvers;
    private final MarkingAuthority authority;
    private final AuditTrail audit;
    private final Clock clock;

    public MarkingRequestService(MarkingRequestRepository requests, Instance<MarkedRecordResolver> resolvers,
            MarkingAuthority authority, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.resolvers = resolvers;
        this.authority = authority;
        this.audit = audit;
        this.clock = clock;
    }

    /** A decision, and whether it found the record changed since the request (then STALE, nothing applied). */
    public record Decision(MarkingRequest request, boolean stale) {
    }

    /**
     * Asks for the marking in {@code body}. Who may: the record's author, or a holder of one of the resolver's
     * requester roles, in the owning agency. A lowering (also a mixed change) stays PENDING, one at a time per
     * record (409 for a second); a pure raise is APPLIED at once.
     */
    @Transactional
    public MarkingRequest create(Caller requester, MarkingRequestCreate body) {
        MarkedRecordResolver resolver = resolver(requester);
        ProtectedRecord record = repository(resolver, body.objectType())
                .findVisibleForUpdate(requester, body.objectId())
                .orElseThrow(() -> ProblemException.notFound(label(body.objectType()), body.objectId()));
        authority.requireOwner(requester, record, body.objectType());
        if (!requester.subject().equals(record.createdBy)
                && !requester.hasAnyRole(resolver.requesterRoles().toArray(String[]::new))) {
            throw ProblemException.forbidden("A marking change of a " + body.objectType() + " is asked for by its"
                    + " author or by a " + String.join(" or ", resolver.requesterRoles().stream().sorted().toList())
                    + " of " + record.ownerAgency + ".");
        }
        if (body.recordVersion() != null) {
            Versions.require(body.recordVersion(), record.version, body.objectType());
        }
        Marking from = Marking.of(record);
        Marking to = Marking.of(body.classification(), body.compartments(), body.sharedWith());
        MarkingChange change = new MarkingChange(from, to);
        if (change.kind() == MarkingChange.Kind.UNCHANGED) {
            throw ProblemException.unprocessable("Marking unchanged",
                    "The " + body.objectType() + " is already marked " + from + ".");
        }
        ProtectedRecord.requireMayMark(requester, to);
        boolean lowers = change.kind() == MarkingChange.Kind.LOWER;
        if (lowers && requests.pendingFor(body.objectType(), record.id)) {
            throw ProblemException.conflict("Request pending", "A downgrade request for this " + body.objectType()
                    + " is pending: withdraw it or wait for its decision.");
        }
        Instant now = clock.instant();
        MarkingRequest request = new MarkingRequest();
        // the request is marked like the record: whoever cannot see the record cannot see the request either
        request.protect(requester, now, from.classification(), from.compartments(), from.sharedWith());
        request.objectType = body.objectType();
        request.objectId = record.id;
        request.objectVersion = record.version;
        request.change(from, to);
        request.reason = body.reason().strip();
        request.status = MarkingRequestStatus.PENDING;
        request.updatedAt = now;
        if (!lowers) {
            close(request, requester, MarkingRequestStatus.APPLIED, null);
        }
        requests.persist(request);
        if (!lowers) {
            authority.applyRaise(requester, record, request);
        }
        audit.record(AuditActor.of(requester), "MARKING_REQUEST", OBJECT_TYPE, request.id, from.classification(),
                describe(request));
        return request;
    }

    @Transactional
    public MarkingRequest get(Caller caller, UUID id) {
        resolver(caller);
        MarkingRequest request = requests.getVisible(caller, id, "Marking request");
        audit.read(OBJECT_TYPE, request);
        return request;
    }

    /** Newest first, filtered by status, object type and object id when given. */
    @Transactional
    public Page<MarkingRequest> list(Caller caller, MarkingRequestStatus status, String objectType, UUID objectId,
            PageRequest page) {
        resolver(caller);
        List<String> where = new java.util.ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (objectType != null) {
            where.add("objectType = :objectType");
            params.put("objectType", objectType);
        }
        if (objectId != null) {
            where.add("objectId = :objectId");
            params.put("objectId", objectId);
        }
        Page<MarkingRequest> found = requests.pageVisible(caller, String.join(" and ", where), params, page);
        audit.readAll(OBJECT_TYPE, found.items());
        return found;
    }

    /**
     * A supervisor of the owning agency other than the requester approves: the new marking is applied to the
     * record in this transaction. If the record changed since the request (or is gone), nothing is applied and
     * the request becomes STALE: the caller answers 409 and the STALE state is kept.
     */
    @Transactional
    public Decision approve(Caller decider, UUID id, String note) {
        MarkedRecordResolver resolver = resolver(decider);
        MarkingRequest request = pendingForDecision(decider, resolver, id);
        ProtectedRecord record = repository(resolver, request.objectType)
                .findVisibleForUpdate(decider, request.objectId).orElse(null);
        if (record == null || record.version != request.objectVersion) {
            close(request, decider, MarkingRequestStatus.STALE, note);
            audit.record(AuditActor.of(decider), "MARKING_REQUEST_STALE", OBJECT_TYPE, request.id,
                    request.classification, describe(request));
            return new Decision(request, true);
        }
        authority.applyApprovedDowngrade(decider, record, request, resolver.deciderRole());
        close(request, decider, MarkingRequestStatus.APPROVED, note);
        audit.record(AuditActor.of(decider), "MARKING_REQUEST_APPROVE", OBJECT_TYPE, request.id,
                request.classification, describe(request));
        return new Decision(request, false);
    }

    /** Decided like an approval (a supervisor of the owning agency, not the requester); nothing changes. */
    @Transactional
    public MarkingRequest reject(Caller decider, UUID id, String note) {
        MarkingRequest request = pendingForDecision(decider, resolver(decider), id);
        close(request, decider, MarkingRequestStatus.REJECTED, note);
        audit.record(AuditActor.of(decider), "MARKING_REQUEST_REJECT", OBJECT_TYPE, request.id,
                request.classification, describe(request));
        return request;
    }

    /** Only whoever asked may withdraw a pending request. */
    @Transactional
    public MarkingRequest withdraw(Caller requester, UUID id) {
        resolver(requester);
        MarkingRequest request = requests.findVisibleForUpdate(requester, id)
                .orElseThrow(() -> ProblemException.notFound("Marking request", id));
        if (!requester.subject().equals(request.createdBy)) {
            throw ProblemException.forbidden("Only who asked for this " + WHAT + " may withdraw it.");
        }
        requirePending(request);
        close(request, requester, MarkingRequestStatus.WITHDRAWN, null);
        audit.record(AuditActor.of(requester), "MARKING_REQUEST_WITHDRAW", OBJECT_TYPE, request.id,
                request.classification, describe(request));
        return request;
    }

    private MarkingRequest pendingForDecision(Caller decider, MarkedRecordResolver resolver, UUID id) {
        // the role first, like a route's @RolesAllowed: who may never decide learns nothing about the request
        FourEyes.requireStanding(decider, resolver.deciderRole(), null, WHAT);
        MarkingRequest request = requests.findVisibleForUpdate(decider, id)
                .orElseThrow(() -> ProblemException.notFound("Marking request", id));
        FourEyes.requireStanding(decider, resolver.deciderRole(), request.ownerAgency, WHAT);
        FourEyes.requireDifferent(decider, request.createdBy, WHAT);
        requirePending(request);
        return request;
    }

    private static void requirePending(MarkingRequest request) {
        if (request.status != MarkingRequestStatus.PENDING) {
            throw ProblemException.conflict("Not pending", "This marking request is " + request.status + ".");
        }
    }

    private void close(MarkingRequest request, Caller who, MarkingRequestStatus status, String note) {
        request.status = status;
        request.decidedBy = who.subject();
        request.decidedAt = clock.instant();
        request.decisionNote = note == null || note.isBlank() ? null : note.strip();
        request.updatedAt = request.decidedAt;
    }

    /** The service's resolver, after checking the caller's role may use marking requests here at all. */
    private MarkedRecordResolver resolver(Caller caller) {
        MarkedRecordResolver resolver = resolvers.get();
        if (!resolver.mayUse(caller)) {
            throw ProblemException.forbidden("Your role does not allow this operation.");
        }
        return resolver;
    }

    private static VisibleRepository<? extends ProtectedRecord> repository(MarkedRecordResolver resolver,
            String objectType) {
        VisibleRepository<? extends ProtectedRecord> repository = resolver.repositories().get(objectType);
        if (repository == null) {
            String known = String.join(", ", resolver.repositories().keySet().stream().sorted().toList());
            throw new ProblemException(422, null, "Unknown object type", "objectType must be one of " + known + ".",
                    List.of(new Problem.FieldError("objectType", "must be one of " + known)), null);
        }
        return repository;
    }

    private static String label(String objectType) {
        return objectType.substring(0, 1).toUpperCase(Locale.ROOT) + objectType.substring(1);
    }

    /** {@code report <id>: old -> new (STATUS)}: the audit detail of every step. */
    private static String describe(MarkingRequest r) {
        return r.objectType + " " + r.objectId + ": " + new MarkingChange(r.from(), r.to()).detail() + " ("
                + r.status + ")";
    }
}
