package org.yaqaza.prevention.model;

/** What a participant agreed to: taking part in a programme, and being followed up after it. */
public enum ConsentScope {
    PARTICIPATION, FOLLOW_UP
}
