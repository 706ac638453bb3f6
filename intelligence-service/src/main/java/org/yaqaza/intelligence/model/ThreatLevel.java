package org.yaqaza.intelligence.model;

/** Threat levels, in increasing order (ordinal comparisons rely on it). */
public enum ThreatLevel {
    LOW, MODERATE, SUBSTANTIAL, SEVERE, CRITICAL;
}
