package org.yaqaza.liaison.model;

/** What a release led to, as the partner reports it. */
public enum Outcome {
    ATTACK_FOILED, ARRESTS, INVESTIGATION_OPENED, NO_ACTION, NOT_RELEVANT
}
