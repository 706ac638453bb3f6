package org.yaqaza.liaison.model;

/** Threat categories of intelligence products; agreements list those a partner may receive. */
public enum Category {
    TERRORISM, VIOLENT_EXTREMISM, ORGANISED_CRIME, HUMAN_TRAFFICKING
}
