package org.yaqaza.liaison.model;

/**
 * Where a consent stands. Only APPROVED counts for the third-party and TLP:AMBER rules (and a category consent only
 * within its window). EXPIRED marks the open-ended blanket consents of before issue 15, which no longer count.
 */
public enum ConsentStatus {
    PENDING, APPROVED, REJECTED, REVOKED, EXPIRED
}
