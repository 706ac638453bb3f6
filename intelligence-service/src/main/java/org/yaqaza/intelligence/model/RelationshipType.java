package org.yaqaza.intelligence.model;

/** Kinds of link between two entities (source -> target). */
public enum RelationshipType {
    MEMBER_OF, LEADS, ASSOCIATE_OF, COMMUNICATES_WITH, FUNDS, TRAVELLED_TO, AFFILIATED_WITH;
}
