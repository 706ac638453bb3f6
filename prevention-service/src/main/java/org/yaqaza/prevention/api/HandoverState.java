package org.yaqaza.prevention.api;

/** The handover list's filter: waiting for a prevention supervisor, or approved/declined. */
public enum HandoverState {
    PENDING, DECIDED
}
