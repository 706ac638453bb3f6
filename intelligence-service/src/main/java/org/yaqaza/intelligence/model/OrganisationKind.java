package org.yaqaza.intelligence.model;

/** Kinds of organisation. */
public enum OrganisationKind {
    TERRORIST_ORGANISATION, CELL, CRIMINAL_NETWORK, TRAFFICKING_NETWORK;
}
