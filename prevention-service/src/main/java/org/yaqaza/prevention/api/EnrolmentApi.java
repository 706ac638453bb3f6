package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.EnrolmentState;

/** Wire types of applications, enrolments and their state transitions. */
public final class EnrolmentApi {

    private EnrolmentApi() {
    }

    /** An application to an edition; {@code voluntary} records that the person asked to take part. */
    public record ApplicationRequest(@NotBlank @Size(max = 40) String participantCode, @NotNull Boolean voluntary,
            @NotNull @PastOrPresent LocalDate appliedOn, UUID referralId) {
    }

    public record TransitionRequest(@NotNull EnrolmentState to, @Size(max = 1000) String reason, LocalDate on) {
    }

    public record EnrolmentView(UUID id, UUID editionId, String participantCode, EnrolmentState state,
            Set<EnrolmentState> allowedNext, boolean voluntary, UUID referralId, LocalDate appliedOn,
            LocalDate enrolledOn, LocalDate endedOn, Integer waitingPosition, long version) {
    }

    public record TransitionView(EnrolmentState from, EnrolmentState to, String reason, String actor,
            java.time.Instant occurredAt) {
    }

    public record ProgressView(UUID enrolmentId, String participantCode, double completionPercent,
            List<ModuleProgress> modules) {
    }

    public record ModuleProgress(String code, String title, int requiredSessions, long attended) {
    }
}
