package org.yaqaza.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Role;

/**
 * What a directory change grants, and the two rules on granting (issue 16): nobody grants a clearance above their
 * own or a compartment they do not hold (403, whether or not the change also needs a second administrator), and a
 * change that grants a clearance above RESTRICTED, any compartment or the admin role needs a second administrator.
 * Only what a change adds counts: lowering a clearance or removing a compartment is never held back.
 */
public final class GrantRules {

    public static final String TYPE = "urn:yaqaza:problem:grant-above-own";

    /** The part of a directory entry that its tokens carry and that can be granted. */
    public record Grants(Classification clearance, Set<String> compartments, Set<String> roles) {
        public Grants {
            compartments = Set.copyOf(compartments);
            roles = Set.copyOf(roles);
        }
    }

    private GrantRules() {
    }

    /** Why the change from {@code old} (null: a new entry) to {@code requested} needs a second administrator. */
    public static List<String> fourEyesReasons(Grants old, Grants requested) {
        List<String> reasons = new ArrayList<>();
        if (requested.clearance().compareTo(Classification.RESTRICTED) > 0
                && (old == null || requested.clearance().compareTo(old.clearance()) > 0)) {
            reasons.add("grants clearance " + requested.clearance() + ", above RESTRICTED");
        }
        Set<String> added = added(old == null ? Set.of() : old.compartments(), requested.compartments());
        if (!added.isEmpty()) {
            reasons.add("grants compartments " + String.join(", ", added));
        }
        if (requested.roles().contains(Role.ADMIN) && (old == null || !old.roles().contains(Role.ADMIN))) {
            reasons.add("grants the admin role");
        }
        return reasons;
    }

    /** 403 unless {@code caller} holds every clearance and compartment the change adds. */
    public static void requireMayGrant(Caller caller, Grants old, Grants requested) {
        boolean raises = old == null || requested.clearance().compareTo(old.clearance()) > 0;
        if (raises && !caller.clearance().dominates(requested.clearance())) {
            throw refusal("You cannot grant clearance " + requested.clearance() + ": it is above your own ("
                    + caller.clearance() + ").");
        }
        Set<String> notHeld = added(caller.compartments(), added(old == null ? Set.of() : old.compartments(),
                requested.compartments()));
        if (!notHeld.isEmpty()) {
            throw refusal("You cannot grant compartments you do not hold: " + String.join(", ", notHeld) + ".");
        }
    }

    /**
     * 403 unless {@code caller} holds everything {@code target} holds: setting an account's credential hands over
     * all of its access, so it counts as granting it.
     */
    public static void requireDominates(Caller caller, Grants target) {
        if (!caller.clearance().dominates(target.clearance())
                || !caller.compartments().containsAll(target.compartments())) {
            throw refusal("You cannot set the credential of an account with a clearance or compartments above your "
                    + "own.");
        }
    }

    private static Set<String> added(Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        return added;
    }

    private static ProblemException refusal(String detail) {
        return new ProblemException(403, TYPE, "Grant above your own", detail, null, null);
    }
}
