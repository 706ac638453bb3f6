package org.yaqaza.intelligence.model;

/** Four-eyes life cycle of an assessment: only an APPROVED one is effective. */
public enum AssessmentStatus {
    PENDING_APPROVAL, APPROVED, REJECTED, SUPERSEDED;
}
