package org.yaqaza.liaison.model;

public enum RecipientStatus {
    RELEASED, ACKNOWLEDGED, FEEDBACK_RECEIVED
}
