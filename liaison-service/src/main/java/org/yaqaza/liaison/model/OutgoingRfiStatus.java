package org.yaqaza.liaison.model;

/** What is stored; {@code EXPIRED} is shown for a SENT request past its due date (nothing changes in the row). */
public enum OutgoingRfiStatus {
    SENT, ANSWERED, WITHDRAWN
}
