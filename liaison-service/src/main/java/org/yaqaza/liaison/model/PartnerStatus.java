package org.yaqaza.liaison.model;

/** Whether a partner service may currently receive releases. */
public enum PartnerStatus {
    ACTIVE, SUSPENDED, ENDED
}
