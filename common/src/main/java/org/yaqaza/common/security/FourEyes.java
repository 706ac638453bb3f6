package org.yaqaza.common.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;

import org.yaqaza.common.problem.ProblemException;

/**
 * The four-eyes rule: whoever asked for, drafted or authored something cannot also decide on it; a second person
 * does. Every refusal is the same 403 problem ({@link #TYPE}, {@link #TITLE}) in every service, so a client
 * recognises it wherever it happens. The role a decider needs is usually enforced on the route
 * ({@code @RolesAllowed}); {@link #requireStanding} checks role and agency where the route cannot know the agency
 * (a supervisor of the record's owning agency, an administrator of the directory).
 */
public final class FourEyes {

    public static final String TYPE = "urn:yaqaza:problem:four-eyes";
    public static final String TITLE = "Four-eyes rule";

    private FourEyes() {
    }

    /** 403 when the decider is the person who requested, drafted or authored {@code what}. */
    public static void requireDifferent(Caller decider, String requesterSubject, String what) {
        requireDifferent(decider, Collections.singletonList(requesterSubject), what);
    }

    /**
     * 403 when the decider is any of the people involved so far (e.g. who drafted and who submitted a release).
     * A null entry is a step nobody has taken yet and excludes nobody.
     */
    public static void requireDifferent(Caller decider, Collection<String> involvedSubjects, String what) {
        if (involvedSubjects.stream().filter(Objects::nonNull).anyMatch(decider.subject()::equals)) {
            throw refusal("The person who requested, drafted or authored this " + what
                    + " cannot decide on it; a second person must.");
        }
    }

    /**
     * 403 unless the decider holds {@code role} and, when {@code agency} is not null, belongs to that agency: the
     * standing a second person needs, e.g. "a supervisor of the owning agency" for a downgrade.
     */
    public static void requireStanding(Caller decider, String role, String agency, String what) {
        boolean standing = decider.hasRole(role) && (agency == null || agency.equals(decider.agency()));
        if (!standing) {
            throw refusal("This " + what + " is decided by a " + role
                    + (agency == null ? "" : " of " + agency) + ".");
        }
    }

    private static ProblemException refusal(String detail) {
        return new ProblemException(403, TYPE, TITLE, detail, null, null);
    }
}
