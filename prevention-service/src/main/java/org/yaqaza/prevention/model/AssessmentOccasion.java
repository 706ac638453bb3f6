package org.yaqaza.prevention.model;

public enum AssessmentOccasion {
    INITIAL, SCHEDULED, NEW_INFORMATION, FINAL
}
