package org.yaqaza.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A change from one marking to another, and which way it goes. Lowering: a lower classification, a compartment
 * removed or an agency added to the sharing. Raising: a higher classification, a compartment added or an agency
 * removed from the sharing, and nothing lowered. A change that both raises and lowers is a lowering.
 */
public record MarkingChange(Marking before, Marking after) {

    public enum Kind {
        UNCHANGED, RAISE, LOWER
    }

    /** A lowered or raised aspect of the marking: the request field it comes from and what happens to it. */
    public record Step(String field, String description) {
    }

    public MarkingChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public Kind kind() {
        if (!lowerings().isEmpty()) {
            return Kind.LOWER;
        }
        return raisings().isEmpty() ? Kind.UNCHANGED : Kind.RAISE;
    }

    /** What the change lowers, one step per aspect: empty when it lowers nothing. */
    public List<Step> lowerings() {
        List<Step> steps = new ArrayList<>();
        if (!after.classification().dominates(before.classification())) {
            steps.add(new Step("classification", "classification " + before.classification() + " -> "
                    + after.classification()));
        }
        TreeSet<String> removed = minus(before.compartments(), after.compartments());
        if (!removed.isEmpty()) {
            steps.add(new Step("compartments", "compartments removed " + removed));
        }
        TreeSet<String> added = minus(after.sharedWith(), before.sharedWith());
        if (!added.isEmpty()) {
            steps.add(new Step("sharedWith", "shared with " + added + " as well"));
        }
        return steps;
    }

    /** What the change raises, one step per aspect: empty when it raises nothing. */
    public List<Step> raisings() {
        List<Step> steps = new ArrayList<>();
        if (!before.classification().dominates(after.classification())) {
            steps.add(new Step("classification", "classification " + before.classification() + " -> "
                    + after.classification()));
        }
        TreeSet<String> added = minus(after.compartments(), before.compartments());
        if (!added.isEmpty()) {
            steps.add(new Step("compartments", "compartments added " + added));
        }
        TreeSet<String> unshared = minus(before.sharedWith(), after.sharedWith());
        if (!unshared.isEmpty()) {
            steps.add(new Step("sharedWith", "no longer shared with " + unshared));
        }
        return steps;
    }

    /** {@code SECRET [CT-NORTH] shared [] -> TOP_SECRET [CT-NORTH] shared []}: the audit detail of the change. */
    public String detail() {
        return before + " -> " + after;
    }

    private static TreeSet<String> minus(java.util.Set<String> from, java.util.Set<String> taken) {
        TreeSet<String> rest = new TreeSet<>(from);
        rest.removeAll(taken);
        return rest;
    }
}
