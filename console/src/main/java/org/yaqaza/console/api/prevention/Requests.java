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
}
