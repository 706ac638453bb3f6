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

    public record Issue(String participantCode, UUID programmeId, String number, LocalDate issuedOn,
            LocalDate expiresOn) {
    }

    public record Renewal(LocalDate renewedOn, LocalDate newExpiry) {
    }

    public record Revocation(LocalDate revokedOn, String reason) {
    }

    public record Slot(String day, String starts, String ends, String place) {
    }

    public record Institution(String name, String role) {
    }

    public record Programme(String kind, String name, String institution, String region, Integer capacity,
            String classification, List<String> compartments, List<String> sharedWith, String description,
            List<Slot> schedule, List<Institution> partnerInstitutions, Boolean voluntaryApplicationRequired,
            Integer minimumAge, Integer maximumAge, Integer assessmentCadenceDays, Long version) {
    }

    public record Module(String code, String title, Integer requiredSessions, Integer position) {
    }

    public record Edition(String name, LocalDate startsOn, LocalDate endsOn, Integer capacity) {
    }

    public record Identity(String fullNameAr, String fullNameLatin, String nationalId, LocalDate birthDate) {
    }

    public record Consent(String scope, LocalDate givenOn) {
    }

    public record Registration(Identity identity, String classification, List<Consent> consents) {
    }

    /** What registration answers that the console uses: the pseudonymous code. */
    public record Registered(String code) {
    }
}
