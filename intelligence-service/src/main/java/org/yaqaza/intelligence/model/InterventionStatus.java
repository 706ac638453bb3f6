package org.yaqaza.intelligence.model;

/** Interventions need a supervisor's approval. */
public enum InterventionStatus {
    PENDING_APPROVAL, APPROVED, REJECTED;
}
