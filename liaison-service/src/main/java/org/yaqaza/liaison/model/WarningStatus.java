package org.yaqaza.liaison.model;

/** A warning below SECRET is ISSUED at once; at SECRET and above it waits for a second person's decision. */
public enum WarningStatus {
    PENDING_APPROVAL, ISSUED, REJECTED
}
