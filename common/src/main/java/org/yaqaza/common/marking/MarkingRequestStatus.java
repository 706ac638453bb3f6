package org.yaqaza.common.marking;

/**
 * Where a marking request stands. PENDING waits for a supervisor; APPROVED was applied with the decision; APPLIED
 * raised the marking at once (a raise needs nobody's approval); REJECTED and WITHDRAWN changed nothing; STALE found
 * the record changed since the request, so nothing was applied and whoever wants the change asks again.
 */
public enum MarkingRequestStatus {
    PENDING, APPROVED, APPLIED, REJECTED, WITHDRAWN, STALE
}
