package org.yaqaza.systemtest.security.differential;

/**
 * The moments at which every probe takes each caller's answer. The shared world of the read-only probes
 * accumulates (hidden records are added, then visible ones, then the removable hidden ones go); a self-contained
 * probe builds one twin world per stage instead (plain, plain again, shadowed by hidden records, lit by a visible
 * one).
 */
public enum Stage {

    /** Before any hidden record. */
    BASELINE,
    /** Nothing changed: the answer must be the same (a probe whose answer moves by itself compares nothing). */
    REPEAT,
    /** Records the caller may not see were added: the answer must not move. */
    HIDDEN,
    /** Records the caller may see were added: the answer must move for some caller, or the probe cannot fail. */
    VISIBLE,
    /** The hidden records that the API lets anyone remove were removed: the answer must not move. */
    REMOVED
}
