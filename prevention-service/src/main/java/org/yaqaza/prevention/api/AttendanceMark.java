package org.yaqaza.prevention.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yaqaza.prevention.model.AttendanceStatus;

@Schema(name = "Mark")
public record AttendanceMark(@NotNull UUID enrolmentId, @NotNull AttendanceStatus status) {
}
