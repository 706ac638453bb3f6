package org.yaqaza.prevention.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record AttendanceRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull AttendanceMark> marks) {
}
