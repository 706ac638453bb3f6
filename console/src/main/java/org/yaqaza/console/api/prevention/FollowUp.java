package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A participant's follow-up after release: releases with their 3/6/12/24-month contacts, milestones, re-offences. */
@TemplateData
public record FollowUp(String participantCode, List<Release> releases, List<Milestone> milestones,
        List<Reoffence> reoffences) {

    @TemplateData
    public record Release(UUID id, LocalDate releasedOn, String institution, UUID enrolmentId,
            LocalDate followUpEndedOn, List<Contact> contacts) {
    }

    @TemplateData
    public record Contact(UUID id, UUID releaseId, int month, LocalDate dueOn, LocalDate doneOn, String outcome,
            String note) {
    }

    @TemplateData
    public record Milestone(UUID id, String kind, LocalDate achievedOn, String note) {
    }

    @TemplateData
    public record Reoffence(UUID id, LocalDate occurredOn, String kind) {
    }

    /** A contact not made by its due date (GET /follow-up-contacts/overdue?asOf=). */
    @TemplateData
    public record Overdue(UUID contactId, String participantCode, int month, LocalDate dueOn, long daysOverdue) {
    }
}
