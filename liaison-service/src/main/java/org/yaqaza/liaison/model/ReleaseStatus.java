package org.yaqaza.liaison.model;

public enum ReleaseStatus {
    DRAFT, PENDING_APPROVAL, RELEASED, ACKNOWLEDGED, FEEDBACK_RECEIVED;

    public boolean released() {
        return this == RELEASED || this == ACKNOWLEDGED || this == FEEDBACK_RECEIVED;
    }
}
