package org.yaqaza.intelligence.model;

/** Kinds of event. */
public enum EventType {
    PLOT, ATTACK, ARREST, INCIDENT;
}
