package org.yaqaza.intelligence.model;

/** How a name is used: the main name, an alias, or a kunya / nom de guerre. */
public enum NameType {
    PRIMARY, ALIAS, KUNYA;
}
