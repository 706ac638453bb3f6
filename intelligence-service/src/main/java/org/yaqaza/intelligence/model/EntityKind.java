package org.yaqaza.intelligence.model;

/** What an entity is; one table holds all kinds so graph walks need no unions. */
public enum EntityKind {
    PERSON, ORGANISATION, LOCATION, EVENT;
}
