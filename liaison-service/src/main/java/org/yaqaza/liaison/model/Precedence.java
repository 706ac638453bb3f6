package org.yaqaza.liaison.model;

/** Urgency of a threat warning; each has its own acknowledgement deadline (configuration). */
public enum Precedence {
    FLASH, IMMEDIATE, PRIORITY, ROUTINE
}
