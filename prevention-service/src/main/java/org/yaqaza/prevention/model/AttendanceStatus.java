package org.yaqaza.prevention.model;

public enum AttendanceStatus {
    PRESENT, ABSENT, EXCUSED
}
