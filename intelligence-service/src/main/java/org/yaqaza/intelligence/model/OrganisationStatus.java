package org.yaqaza.intelligence.model;

import java.util.Arrays;
import java.util.List;

/** Life of an organisation; it only moves forward (suspected -> active -> under surveillance -> dismantled). */
public enum OrganisationStatus {
    SUSPECTED, ACTIVE, UNDER_SURVEILLANCE, DISMANTLED;

    public List<OrganisationStatus> allowedNext() {
        return Arrays.stream(values()).filter(s -> s.ordinal() > ordinal()).toList();
    }
}
