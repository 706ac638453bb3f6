package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies the console sends to the prevention API, as its requests name their fields. */
public final class Requests {

    private Requests() {
    }

    public record Application(String participantCode, Boolean voluntary, LocalDate appliedOn, UUID referralId) {
    }

    public record Transition(String to, String reason, LocalDate on) {
    }

    public record Session(UUID moduleId, LocalDate heldOn, String topic, String facilitator) {
    }

    public record Mark(UUID enrolmentId, String status) {
    }

    public record Attendance(List<Mark> marks) {
    }

    public record Contact(LocalDate doneOn, String outcome, String note) {
    }

    public record Decision(String decision, String reason, String classification) {
    }

    public record Handover(String participantCode, String recipientAgency, String purpose, String legalBasis,
            String summary, boolean includeIdentity) {
    }

    public record Rating(String indicator, String level, String evidence) {
    }

    public record Assessment(UUID instrumentId, LocalDate assessedOn, String occasion, List<Rating> ratings,
            String overallJudgement, String rationale) {
    }
}
