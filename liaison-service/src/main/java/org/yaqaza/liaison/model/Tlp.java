package org.yaqaza.liaison.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.yaqaza.common.problem.ProblemException;

/** Traffic Light Protocol 2.0 labels with the standard STIX marking-definition ids (OASIS TLP 2.0 extension). */
public enum Tlp {
    CLEAR("CLEAR", "clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    GREEN("GREEN", "green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    AMBER("AMBER", "amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    AMBER_STRICT("AMBER+STRICT", "amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
    RED("RED", "red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private final String label;
    private final String stixValue;
    private final String markingId;

    Tlp(String label, String stixValue, String markingId) {
        this.label = label;
        this.stixValue = stixValue;
        this.markingId = markingId;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Lower-case value of the {@code tlp_2_0} extension property. */
    public String stixValue() {
        return stixValue;
    }

    public String markingId() {
        return markingId;
    }

    @JsonCreator
    public static Tlp of(String value) {
        for (Tlp tlp : values()) {
            if (tlp.label.equalsIgnoreCase(value) || tlp.name().equalsIgnoreCase(value)
                    || ("TLP:" + tlp.label).equalsIgnoreCase(value)) {
                return tlp;
            }
        }
        throw ProblemException.badRequest("Invalid TLP", "tlp must be one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED.",
                "tlp");
    }

    public static Tlp ofMarkingId(String id) {
        for (Tlp tlp : values()) {
            if (tlp.markingId.equals(id)) {
                return tlp;
            }
        }
        return null;
    }
}
