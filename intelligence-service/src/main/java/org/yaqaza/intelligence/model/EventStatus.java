package org.yaqaza.intelligence.model;

/** Where an event stands. */
public enum EventStatus {
    PLANNED, FOILED, EXECUTED;
}
