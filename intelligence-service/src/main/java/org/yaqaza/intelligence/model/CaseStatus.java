package org.yaqaza.intelligence.model;

import java.util.List;

/** Case (operation) life cycle; transitions outside {@link #allowedNext()} are refused with 409. */
public enum CaseStatus {
    OPEN, UNDER_SURVEILLANCE, INTERVENTION, REFERRED_TO_JUSTICE, CLOSED;

    public List<CaseStatus> allowedNext() {
        return switch (this) {
            case OPEN -> List.of(UNDER_SURVEILLANCE, CLOSED);
            case UNDER_SURVEILLANCE -> List.of(INTERVENTION, CLOSED);
            case INTERVENTION -> List.of(REFERRED_TO_JUSTICE, CLOSED);
            case REFERRED_TO_JUSTICE -> List.of(CLOSED);
            case CLOSED -> List.of();
        };
    }
}
