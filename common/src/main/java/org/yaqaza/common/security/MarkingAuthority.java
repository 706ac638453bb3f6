package org.yaqaza.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.config.YaqazaConfig;
import org.yaqaza.common.marking.MarkingRequest;
import org.yaqaza.common.marking.MarkingRequestRepository;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;

/**
 * The only way the marking of an existing record changes, in every service. Only the owning agency changes a
 * marking; a raise is applied at once, a lowering only through a downgrade request decided by a supervisor of the
 * owning agency who did not ask for it. Every change is audited with the old and the new marking, in the
 * transaction of the change.
 */
@ApplicationScoped
public class MarkingAuthority {

    public static final String MARKING_OWNER_ONLY = "urn:yaqaza:problem:marking-owner-only";
    public static final String DOWNGRADE_REQUIRED = "urn:yaqaza:problem:downgrade-required";

    private final AuditTrail audit;
    private final MarkingRequestRepository requests;
    private final YaqazaConfig config;

    public MarkingAuthority(AuditTrail audit, MarkingRequestRepository requests, YaqazaConfig config) {
        this.audit = audit;
        this.requests = requests;
        this.config = config;
    }

    /**
     * The marking an edit of a record asks for (a PUT carries the whole marking). Unchanged: nothing happens. Not
     * the owning agency: 403. A marking the editor could not see: 422. Lower in any respect: 422 naming the
     * downgrade route, nothing changed. Higher: applied and audited ({@code MARKING_RAISE}).
     */
    public MarkingChange apply(Caller editor, ProtectedRecord record, Marking requested, String objectType) {
        MarkingChange change = new MarkingChange(Marking.of(record), requested);
        if (change.kind() == MarkingChange.Kind.UNCHANGED) {
            return change;
        }
        requireOwner(editor, record, objectType);
        ProtectedRecord.requireMayMark(editor, requested);
        if (change.kind() == MarkingChange.Kind.LOWER) {
            throw downgradeRequired(change, objectType);
        }
        raise(editor, record, change, objectType);
        return change;
    }

    /**
     * Applies a lowering that a downgrade request asked for, in the decision's transaction. Checks again what
     * makes it legitimate, whoever calls: the decider holds {@code deciderRole} in the owning agency, did not ask
     * for it, and could see the new marking. Audited {@code MARKING_DOWNGRADE} with the old and new marking.
     */
    public MarkingChange applyApprovedDowngrade(Caller decider, ProtectedRecord record, MarkingRequest request,
            String deciderRole) {
        FourEyes.requireStanding(decider, deciderRole, record.ownerAgency, "downgrade request");
        FourEyes.requireDifferent(decider, request.createdBy, "downgrade request");
        Marking approved = request.to();
        ProtectedRecord.requireMayMark(decider, approved);
        MarkingChange change = new MarkingChange(Marking.of(record), approved);
        record.remark(approved);
        // the event carries the higher of the two classifications: it describes material marked that high
        audit.record(AuditActor.of(decider), "MARKING_DOWNGRADE", request.objectType, record.id,
                change.before().join(change.after()).classification(),
                change.detail() + " (request " + request.id + ")");
        return change;
    }

    /**
     * Applies a request that only raises the marking: a raise needs nobody's approval, so it takes effect as it is
     * asked for (audited like any raise).
     */
    public MarkingChange applyRaise(Caller editor, ProtectedRecord record, MarkingRequest request) {
        MarkingChange change = new MarkingChange(Marking.of(record), request.to());
        if (change.kind() != MarkingChange.Kind.RAISE) {
            throw new IllegalArgumentException("request " + request.id + " does not only raise");
        }
        requireOwner(editor, record, request.objectType);
        ProtectedRecord.requireMayMark(editor, request.to());
        raise(editor, record, change, request.objectType);
        return change;
    }

    /** 403 unless the editor belongs to the owning agency: an agency a record is shared with never re-marks it. */
    public void requireOwner(Caller editor, ProtectedRecord record, String objectType) {
        if (editor.agency() == null || !editor.agency().equals(record.ownerAgency)) {
            throw new ProblemException(403, MARKING_OWNER_ONLY, "Marking owner only",
                    "Only " + record.ownerAgency + ", the agency that owns this " + objectType
                            + ", changes its marking or sharing.", null, null);
        }
    }

    /** How this service's clients ask for a downgrade. */
    public String requestRoute() {
        return "POST /api/" + config.service() + "/marking-requests";
    }

    private void raise(Caller editor, ProtectedRecord record, MarkingChange change, String objectType) {
        record.remark(change.after());
        // requests about the record are never less protected than the record itself
        for (ProtectedRecord request : requests.ofRecord(objectType, record.id)) {
            request.remark(Marking.of(request).join(change.after()));
        }
        audit.record(AuditActor.of(editor), "MARKING_RAISE", objectType, record.id, change.after().classification(),
                change.detail());
    }

    private ProblemException downgradeRequired(MarkingChange change, String objectType) {
        String lowered = String.join("; ", change.lowerings().stream().map(MarkingChange.Step::description)
                .toList());
        return new ProblemException(422, DOWNGRADE_REQUIRED, "Downgrade required",
                "This change lowers the marking of the " + objectType + " (" + lowered + "). A lower marking is"
                        + " never set by an edit: ask for it with " + requestRoute() + " (objectType " + objectType
                        + ", the marking you want and a reason); a supervisor of the owning agency who did not ask"
                        + " decides. Nothing was changed.",
                change.lowerings().stream().map(s -> new Problem.FieldError(s.field(), s.description())).toList(),
                null);
    }
}
