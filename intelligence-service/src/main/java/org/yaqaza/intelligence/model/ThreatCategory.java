package org.yaqaza.intelligence.model;

/** Threat categories used by assessments, cases, events, statistics and products. */
public enum ThreatCategory {
    TERRORISM, VIOLENT_EXTREMISM, ORGANISED_CRIME, HUMAN_TRAFFICKING;
}
