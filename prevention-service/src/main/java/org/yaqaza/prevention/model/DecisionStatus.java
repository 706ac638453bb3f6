package org.yaqaza.prevention.model;

public enum DecisionStatus {
    PENDING, APPROVED, DECLINED
}
