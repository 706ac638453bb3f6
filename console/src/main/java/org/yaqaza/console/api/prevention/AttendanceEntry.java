package org.yaqaza.console.api.prevention;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** One mark of an attendance sheet: as read from the API, and as sent ({@code participantCode} not sent). */
@TemplateData
public record AttendanceEntry(UUID enrolmentId, String participantCode, String status) {
}
