package org.yaqaza.prevention.api;

import java.util.UUID;

import org.yaqaza.prevention.model.AttendanceStatus;

public record AttendanceView(UUID enrolmentId, String participantCode, AttendanceStatus status) {
}
