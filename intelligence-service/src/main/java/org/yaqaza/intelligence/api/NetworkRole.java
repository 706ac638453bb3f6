package org.yaqaza.intelligence.api;

/** Why an entity is in an analysed network. */
public enum NetworkRole {
    /** Leads the analysed organisation. */
    LEADER,
    /** Member of the analysed organisation. */
    MEMBER,
    /** One of the persons the caller asked about. */
    SELECTED,
    /** The entity a network around an entity is centred on. */
    ROOT,
    /**
     * Directly linked to a leader, member or selected person without being one; around an entity, any entity
     * reached from the root.
     */
    CONTACT
}
