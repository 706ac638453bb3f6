package org.yaqaza.common.security;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The verified identity behind a request, as the security model sees it. Built only from a verified JWT
 * (see {@link CurrentCaller}); a caller with missing security claims gets the most restrictive values.
 */
public record Caller(
        String subject,
        Set<String> roles,
        Classification clearance,
        SortedSet<String> compartments,
        String agency,
        String partner) {

    public Caller {
        roles = Set.copyOf(roles);
        compartments = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(compartments));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPartner() {
        return partner != null && roles.contains(Role.PARTNER);
    }

    /**
     * The visibility rule in Java, for records already in memory (e.g. one just created). Queries use the SQL
     * twin {@code yz_visible}; {@code VisibilityRuleTest} keeps both in agreement.
     */
    public boolean canSee(Classification classification, Set<String> recordCompartments, String ownerAgency,
            Set<String> sharedWith) {
        if (!clearance.dominates(classification)) {
            return false;
        }
        if (!compartments.containsAll(recordCompartments)) {
            return false;
        }
        return agency != null && (agency.equals(ownerAgency) || sharedWith.contains(agency));
    }

    public boolean canSee(ProtectedRecord record) {
        return canSee(record.getClassification(), record.compartmentSet(), record.getOwnerAgency(),
                record.sharedWithSet());
    }

    /** Compartments joined for the SQL predicate; codes are validated to never contain a comma. */
    public String compartmentList() {
        return String.join(",", compartments);
    }
}
