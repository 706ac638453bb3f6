package org.yaqaza.common.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.yaqaza.common.problem.ProblemException;

/**
 * The marking of a protected record: its classification, its need-to-know compartments and the agencies it is
 * shared with. The owning agency is not part of it: it is fixed when the record is created and never changes.
 */
public record Marking(Classification classification, SortedSet<String> compartments, SortedSet<String> sharedWith) {

    public Marking {
        Objects.requireNonNull(classification, "classification");
        compartments = Collections.unmodifiableSortedSet(new TreeSet<>(compartments));
        sharedWith = Collections.unmodifiableSortedSet(new TreeSet<>(sharedWith));
    }

    /**
     * A marking as a client asked for it: absent lists are empty, a null inside a list is the client's error (400).
     */
    public static Marking of(Classification classification, Collection<String> compartments,
            Collection<String> sharedWith) {
        return new Marking(classification, codes(compartments, "compartments"), codes(sharedWith, "sharedWith"));
    }

    /** The marking a record carries now. */
    public static Marking of(ProtectedRecord record) {
        return new Marking(record.classification, new TreeSet<>(record.compartmentSet()),
                new TreeSet<>(record.sharedWithSet()));
    }

    /**
     * The least marking that protects at least as much as both: the higher classification, every compartment of
     * either, and only the agencies both are shared with.
     */
    public Marking join(Marking other) {
        TreeSet<String> allCompartments = new TreeSet<>(compartments);
        allCompartments.addAll(other.compartments);
        TreeSet<String> bothShared = new TreeSet<>(sharedWith);
        bothShared.retainAll(other.sharedWith);
        Classification higher = classification.dominates(other.classification) ? classification
                : other.classification;
        return new Marking(higher, allCompartments, bothShared);
    }

    /** {@code SECRET [CT-NORTH] shared [DGED]}: the form audit details and problem details use. */
    @Override
    public String toString() {
        return classification + " " + compartments + " shared " + sharedWith;
    }

    private static TreeSet<String> codes(Collection<String> values, String field) {
        TreeSet<String> codes = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    throw ProblemException.badRequest("Invalid marking", field + " cannot hold null.", field);
                }
                codes.add(value);
            }
        }
        return codes;
    }
}
