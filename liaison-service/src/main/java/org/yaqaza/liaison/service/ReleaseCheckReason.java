package org.yaqaza.liaison.service;

/**
 * Why the release checks refuse, as a stable code the console renders in each language ({@code reasonCode} of a
 * check, with {@code reasonParams}). Several reasons can share a rule (the suffix of the problem type): the rule says
 * which check refused, the reason says why in a way that can be put into words. Never rename a code: the console's
 * messages ({@code lmsg*.properties}, {@code check_reason}) are keyed by it, and a console test reads this enum.
 */
public enum ReleaseCheckReason {
    /** params: partner. */
    UNKNOWN_PARTNER("unknown-partner", "unknown-partner"),
    /** params: partner, status. */
    PARTNER_NOT_ACTIVE("agreement-active", "partner-not-active"),
    /** params: partner, date. */
    NO_ACTIVE_AGREEMENT("agreement-active", "no-active-agreement"),
    /** params: partner, classification, ceiling. */
    ABOVE_CEILING("classification-ceiling", "above-ceiling"),
    /** params: partner, category. */
    CATEGORY_NOT_ALLOWED("category-allowed", "category-not-allowed"),
    /** params: partner, strictest, outgoing. */
    TLP_WEAKER("tlp-weaker", "tlp-weaker"),
    /** params: partner, originator. */
    TLP_RED("tlp-red", "tlp-red"),
    /** params: partner, originator. */
    TLP_AMBER_STRICT("tlp-amber-strict", "tlp-amber-strict"),
    /** params: partner, originator. */
    TLP_AMBER_NO_CONSENT("tlp-amber", "tlp-amber-no-consent"),
    /** params: partner, originator. */
    THIRD_PARTY_NO_CONSENT("third-party", "third-party-no-consent");

    private final String rule;
    private final String code;

    ReleaseCheckReason(String rule, String code) {
        this.rule = rule;
        this.code = code;
    }

    /** The rule: the suffix of the problem type {@code urn:yaqaza:liaison:release-check:<rule>}. */
    public String rule() {
        return rule;
    }

    /** The stable reason code. */
    public String code() {
        return code;
    }
}
