package org.yaqaza.common.security;

import java.util.Map;

/**
 * The one place where the visibility rule enters a query. The rule itself is the SQL function
 * {@code yz_visible} (shipped by the common migration, inlined by PostgreSQL so indexes still apply):
 * clearance ≥ classification, record compartments ⊆ caller compartments, and the caller's agency owns the
 * record or is in its shared-with list.
 */
public final class Visibility {

    public static final String CLEARANCE = "yzClearance";
    public static final String COMPARTMENTS = "yzCompartments";
    public static final String AGENCY = "yzAgency";

    private Visibility() {
    }

    /** HQL predicate for the entity's own fields, without alias (Panache's short query form). */
    public static String predicate() {
        return predicate(null);
    }

    /** HQL predicate for the entity bound to {@code alias}. */
    public static String predicate(String alias) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        return "function('yz_visible', " + p + "classification, " + p + "compartments, " + p + "ownerAgency, "
                + p + "sharedWith, :" + CLEARANCE + ", :" + COMPARTMENTS + ", :" + AGENCY + ") = true";
    }

    /** Native SQL predicate over table columns, for native queries (e.g. recursive graph walks). */
    public static String sqlPredicate(String tableAlias) {
        String p = tableAlias == null || tableAlias.isEmpty() ? "" : tableAlias + ".";
        return "yz_visible(" + p + "classification, " + p + "compartments, " + p + "owner_agency, " + p
                + "shared_with, :" + CLEARANCE + ", :" + COMPARTMENTS + ", :" + AGENCY + ")";
    }

    /** The caller's parameters for either predicate. */
    public static Map<String, Object> parameters(Caller caller) {
        return Map.of(
                CLEARANCE, (short) caller.clearance().level(),
                COMPARTMENTS, caller.compartmentList(),
                AGENCY, caller.agency() == null ? "" : caller.agency());
    }
}
