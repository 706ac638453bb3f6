package org.yaqaza.prevention.model;

public enum MilestoneKind {
    EMPLOYMENT, HOUSING, FAMILY, EDUCATION
}
