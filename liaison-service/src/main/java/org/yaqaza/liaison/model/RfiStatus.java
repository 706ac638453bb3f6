package org.yaqaza.liaison.model;

public enum RfiStatus {
    RECEIVED, ASSIGNED, ANSWERED, DECLINED;

    public boolean open() {
        return this == RECEIVED || this == ASSIGNED;
    }
}
