package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.AttendanceStatus;

/** Wire types of sessions and attendance. */
public final class SessionApi {

    private SessionApi() {
    }

    public record SessionRequest(@NotNull UUID moduleId, @NotNull LocalDate heldOn, @Size(max = 500) String topic,
            @Size(max = 300) String facilitator) {
    }

    public record SessionView(UUID id, UUID editionId, UUID moduleId, String moduleCode, LocalDate heldOn,
            String topic, String facilitator) {
    }

    public record Mark(@NotNull UUID enrolmentId, @NotNull AttendanceStatus status) {
    }

    public record AttendanceRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull Mark> marks) {
    }

    public record AttendanceView(UUID enrolmentId, String participantCode, AttendanceStatus status) {
    }
}
