package org.yaqaza.prevention.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * applied → screened → enrolled → active → completed / withdrawn / excluded. A screened applicant whose edition is
 * full waits in WAITLISTED and is promoted to ENROLLED in order when a place frees up.
 */
public enum EnrolmentState {
    APPLIED, SCREENED, WAITLISTED, ENROLLED, ACTIVE, COMPLETED, WITHDRAWN, EXCLUDED;

    /** States a caller may ask for from this one (WAITLISTED is reached by asking for ENROLLED when full). */
    public Set<EnrolmentState> next() {
        return switch (this) {
            case APPLIED -> EnumSet.of(SCREENED, WITHDRAWN, EXCLUDED);
            case SCREENED -> EnumSet.of(ENROLLED, WITHDRAWN, EXCLUDED);
            case WAITLISTED -> EnumSet.of(WITHDRAWN, EXCLUDED);
            case ENROLLED -> EnumSet.of(ACTIVE, WITHDRAWN, EXCLUDED);
            case ACTIVE -> EnumSet.of(COMPLETED, WITHDRAWN, EXCLUDED);
            case COMPLETED, WITHDRAWN, EXCLUDED -> EnumSet.noneOf(EnrolmentState.class);
        };
    }

    /** States that hold one of the edition's places. */
    public boolean occupiesPlace() {
        return this == ENROLLED || this == ACTIVE || this == COMPLETED;
    }

    public boolean terminal() {
        return this == COMPLETED || this == WITHDRAWN || this == EXCLUDED;
    }
}
