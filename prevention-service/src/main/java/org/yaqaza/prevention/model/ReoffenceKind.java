package org.yaqaza.prevention.model;

public enum ReoffenceKind {
    TERRORISM, VIOLENT, OTHER
}
