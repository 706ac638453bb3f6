package org.yaqaza.common.security;

/** Protective markings, in increasing order of sensitivity. The level is what the database compares. */
public enum Classification {
    UNCLASSIFIED(0),
    RESTRICTED(1),
    CONFIDENTIAL(2),
    SECRET(3),
    TOP_SECRET(4);

    private final int level;

    Classification(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public boolean dominates(Classification other) {
        return level >= other.level;
    }

    public static Classification ofLevel(int level) {
        for (Classification c : values()) {
            if (c.level == level) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown classification level " + level);
    }

    /** Parses a claim or request value; unknown text yields null so callers can decide how to refuse it. */
    public static Classification parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
