package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.EnrolmentView;
import org.yaqaza.prevention.api.TransitionView;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentTransition;

public final class EnrolmentMapper {

    private EnrolmentMapper() {
    }

    /** {@code waitingPosition}: 1 for the longest-waiting applicant; null unless waitlisted. */
    public static EnrolmentView toView(Enrolment e, String participantCode, Integer waitingPosition) {
        return new EnrolmentView(e.id, e.editionId, participantCode, e.state, e.state.next(), e.voluntary,
                e.referralId, e.appliedOn, e.enrolledOn, e.endedOn, waitingPosition, e.version);
    }

    public static TransitionView toView(EnrolmentTransition t) {
        return new TransitionView(t.fromState, t.toState, t.reason, t.actor, t.occurredAt);
    }
}
