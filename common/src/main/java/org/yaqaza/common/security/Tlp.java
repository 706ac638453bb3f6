package org.yaqaza.common.security;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Traffic Light Protocol 2.0 labels, from the least to the most restrictive. The order is what "the strictest TLP
 * of a lineage" and "an outgoing TLP never weaker" compare; the label ({@code AMBER+STRICT}) is what the wire and
 * the database carry.
 */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** True when this label restricts at least as much as {@code other}. */
    public boolean atLeast(Tlp other) {
        return compareTo(other) >= 0;
    }

    /** The label as written in TLP 2.0 ({@code AMBER+STRICT}, optionally {@code TLP:}-prefixed) or as a name. */
    @JsonCreator
    public static Tlp of(String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (wanted.startsWith("TLP:")) {
            wanted = wanted.substring(4);
        }
        for (Tlp tlp : values()) {
            if (tlp.label.equals(wanted) || tlp.name().equals(wanted)) {
                return tlp;
            }
        }
        throw new IllegalArgumentException("not a TLP 2.0 label: CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
    }
}
