package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.MilestoneKind;
import org.yaqaza.prevention.model.ReoffenceKind;

/** Wire types of release, follow-up contacts, milestones and re-offence events. */
public final class FollowUpApi {

    private FollowUpApi() {
    }

    /** {@code legalObligation}: the law that requires this processing when follow-up consent is not active. */
    public record ReleaseRequest(@NotNull LocalDate releasedOn, @Size(max = 300) String institution,
            UUID enrolmentId, @Size(max = 500) String legalObligation) {
    }

    public record EndRequest(@NotNull LocalDate endedOn) {
    }

    public record ContactRequest(@NotNull @PastOrPresent LocalDate doneOn, @Size(max = 200) String outcome,
            @Size(max = 4000) String note, @Size(max = 500) String legalObligation) {
    }

    public record MilestoneRequest(@NotNull MilestoneKind kind, @NotNull @PastOrPresent LocalDate achievedOn,
            @Size(max = 2000) String note, @Size(max = 500) String legalObligation) {
    }

    public record ReoffenceRequest(@NotNull @PastOrPresent LocalDate occurredOn, @NotNull ReoffenceKind kind,
            @Size(max = 500) String legalBasis) {
    }

    public record ContactView(UUID id, UUID releaseId, int month, LocalDate dueOn, LocalDate doneOn,
            String outcome, String note) {
    }

    public record ReleaseView(UUID id, LocalDate releasedOn, String institution, UUID enrolmentId,
            LocalDate followUpEndedOn, List<ContactView> contacts) {
    }

    public record MilestoneView(UUID id, MilestoneKind kind, LocalDate achievedOn, String note) {
    }

    public record ReoffenceView(UUID id, LocalDate occurredOn, ReoffenceKind kind, String legalBasis) {
    }

    public record FollowUpView(String participantCode, List<ReleaseView> releases, List<MilestoneView> milestones,
            List<ReoffenceView> reoffences) {
    }

    public record OverdueContact(UUID contactId, String participantCode, int month, LocalDate dueOn,
            long daysOverdue) {
    }
}
