package org.yaqaza.console.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.yaqaza.console.api.prevention.Assessment;
import org.yaqaza.console.api.prevention.EditionSummary;
import org.yaqaza.console.api.prevention.EnrolmentSummary;
import org.yaqaza.console.api.prevention.FollowUp;
import org.yaqaza.console.api.prevention.Instrument;
import org.yaqaza.console.api.prevention.ProgrammeSummary;
import org.yaqaza.console.api.prevention.Requests;
import org.yaqaza.console.service.PreventionApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.PreventionGate;
import org.yaqaza.console.web.Redirects;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * Follow-up and structured assessments (issue 19 item 3): the follow-up calendar (contacts not made and
 * assessments falling due up to a date, week by week, overdue ones flagged), a participant's follow-up with the
 * form that records a contact, an enrolment's assessments and one assessment compared with the previous one.
 * Prevention staff only (404 otherwise). Case pages are marked at the user's clearance (no marking in these views).
 */
@Path("/prevention")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionFollowUpResource {

    /** How far ahead the calendar looks by default. */
    static final int DEFAULT_DAYS_AHEAD = 28;
    static final List<String> OCCASIONS = List.of("INITIAL", "SCHEDULED", "NEW_INFORMATION", "FINAL");
    private static final Set<Integer> FORM_REFUSALS = Set.of(400, 403, 409, 422);

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final Template calendar;
    private final Template participant;
    private final Template assessments;

    public PreventionFollowUpResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            @Location("prevention/calendar") Template calendar,
            @Location("prevention/participant") Template participant,
            @Location("prevention/assessments") Template assessments) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.calendar = calendar;
        this.participant = participant;
        this.assessments = assessments;
    }

    /** One calendar entry: a follow-up contact or an assessment, due on a day, overdue when before today. */
    @TemplateData
    public record Entry(String kind, LocalDate dueOn, String participantCode, Integer month, UUID enrolmentId,
            UUID assessmentId, boolean overdue, long daysOverdue) {
    }

    /** The entries of one week (Monday first). */
    @TemplateData
    public record Week(LocalDate startsOn, List<Entry> entries) {
    }

    @GET
    @Path("/follow-up")
    public Response calendar(@QueryParam("until") String until) {
        gate.requireStaff();
        LocalDate today = LocalDate.now();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate end = until == null || until.isBlank() ? today.plusDays(DEFAULT_DAYS_AHEAD)
                : PreventionProgrammesResource.date(until, "until", errors);
        List<Week> weeks = new ArrayList<>();
        long overdue = 0;
        if (errors.isEmpty()) {
            List<Entry> entries = new ArrayList<>();
            for (FollowUp.Overdue contact : prevention.overdueContacts(end.toString())) {
                boolean late = contact.dueOn().isBefore(today);
                entries.add(new Entry("contact", contact.dueOn(), contact.participantCode(), contact.month(), null,
                        null, late, late ? today.toEpochDay() - contact.dueOn().toEpochDay() : 0));
            }
            for (Assessment.Due due : prevention.assessmentsDue(end.toString())) {
                boolean late = due.dueOn() != null && due.dueOn().isBefore(today);
                entries.add(new Entry("assessment", due.dueOn(), due.participantCode(), null, due.enrolmentId(),
                        due.lastAssessmentId(), late, late ? today.toEpochDay() - due.dueOn().toEpochDay() : 0));
            }
            entries.sort(Comparator.comparing(Entry::dueOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Entry::participantCode));
            overdue = entries.stream().filter(Entry::overdue).count();
            Map<LocalDate, List<Entry>> byWeek = new TreeMap<>();
            for (Entry entry : entries) {
                LocalDate day = entry.dueOn() == null ? today : entry.dueOn();
                byWeek.computeIfAbsent(day.minusDays(day.getDayOfWeek().getValue() - 1L), w -> new ArrayList<>())
                        .add(entry);
            }
            byWeek.forEach((start, list) -> weeks.add(new Week(start, list)));
        }
        return PreventionProgrammesResource.html(errors.isEmpty() ? 200 : 400,
                pages.render(calendar, List.of(pages.clearance())).data("weeks", weeks).data("overdue", overdue)
                        .data("until", until == null || until.isBlank() ? end.toString() : until.trim())
                        .data("today", today).data("errors", errors).render());
    }

    @GET
    @Path("/participants/{code}/follow-up")
    public Response followUp(@PathParam("code") String code, @QueryParam("done") String done) {
        gate.requireStaff();
        return participantPage(code, done, null, Map.of(), null, 200);
    }

    /** A follow-up contact made: its date, outcome and note. */
    @POST
    @Path("/participants/{code}/contacts/{contact}")
    public Response recordContact(@PathParam("code") String code, @PathParam("contact") UUID contact,
            @RestForm String doneOn, @RestForm String outcome, @RestForm String note) {
        gate.requireStaff();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate done = PreventionProgrammesResource.date(doneOn, "doneOn", errors);
        String detail = null;
        int status = 400;
        if (errors.isEmpty()) {
            try {
                prevention.recordContact(contact, new Requests.Contact(done,
                        PreventionProgrammesResource.blankToNull(outcome), PreventionProgrammesResource.blankToNull(note)));
                return Redirects.seeOther("/console/prevention/participants/"
                        + PreventionProgrammesResource.encode(code) + "/follow-up?done=contact").build();
            } catch (WebApplicationException refused) {
                status = refused.getResponse().getStatus();
                if (!FORM_REFUSALS.contains(status)) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                detail = refusal.detail();
            }
        }
        return participantPage(code, null, contact, errors, detail, status);
    }

    private Response participantPage(String code, String done, UUID refusedContact, Map<String, String> errors,
            String detail, int status) {
        FollowUp followUp = prevention.followUp(code);
        return PreventionProgrammesResource.html(status, pages.render(participant, List.of(pages.clearance()))
                .data("followUp", followUp).data("done", done).data("today", LocalDate.now().toString())
                .data("refusedContact", refusedContact == null ? "" : refusedContact.toString())
                .data("errors", errors).data("detail", detail).render());
    }

    /** An enrolment's assessments, newest first, the chosen one (default: the latest) compared with the one before. */
    @GET
    @Path("/enrolments/{id}/assessments")
    public Response assessments(@PathParam("id") UUID id, @QueryParam("assessment") UUID chosen,
            @QueryParam("done") String done) {
        gate.requireStaff();
        return assessmentsPage(id, chosen, done, null, Map.of(), null, 200);
    }

    /**
     * A new assessment with the instrument's every indicator (level and evidence per indicator, parallel lists in
     * the instrument's order), the assessor's overall judgement and rationale.
     */
    @POST
    @Path("/enrolments/{id}/assessments")
    public Response assess(@PathParam("id") UUID id, @RestForm String instrumentId, @RestForm String assessedOn,
            @RestForm String occasion, @RestForm List<String> indicator, @RestForm List<String> level,
            @RestForm List<String> evidence, @RestForm String overallJudgement, @RestForm String rationale) {
        gate.requireStaff();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("assessedOn", assessedOn == null ? "" : assessedOn);
        values.put("occasion", occasion == null ? "" : occasion);
        values.put("overallJudgement", overallJudgement == null ? "" : overallJudgement);
        values.put("rationale", rationale == null ? "" : rationale);
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, String> evidences = new LinkedHashMap<>();
        List<Requests.Rating> ratings = new ArrayList<>();
        int count = indicator == null ? 0 : indicator.size();
        for (int i = 0; i < count; i++) {
            String lvl = level != null && i < level.size() ? level.get(i) : "";
            String ev = evidence != null && i < evidence.size() ? evidence.get(i) : "";
            levels.put(indicator.get(i), lvl);
            evidences.put(indicator.get(i), ev);
            ratings.add(new Requests.Rating(indicator.get(i), PreventionProgrammesResource.blankToNull(lvl),
                    PreventionProgrammesResource.blankToNull(ev)));
        }
        values.put("levels", levels);
        values.put("evidence", evidences);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate assessed = PreventionProgrammesResource.date(assessedOn, "assessedOn", errors);
        UUID instrument = null;
        try {
            instrument = UUID.fromString(instrumentId == null ? "" : instrumentId.trim());
        } catch (IllegalArgumentException notAnId) {
            errors.put("instrumentId", "required");
        }
        String detail = null;
        int status = 400;
        if (errors.isEmpty()) {
            try {
                Assessment created = prevention.assess(id, new Requests.Assessment(instrument, assessed,
                        PreventionProgrammesResource.blankToNull(occasion), ratings,
                        PreventionProgrammesResource.blankToNull(overallJudgement),
                        PreventionProgrammesResource.blankToNull(rationale)));
                return Redirects.seeOther("/console/prevention/enrolments/" + id + "/assessments?assessment="
                        + created.id() + "&done=assessed").build();
            } catch (WebApplicationException refused) {
                status = refused.getResponse().getStatus();
                if (!FORM_REFUSALS.contains(status)) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                detail = refusal.detail();
            }
        }
        return assessmentsPage(id, null, null, values, errors, detail, status);
    }

    private Response assessmentsPage(UUID id, UUID chosen, String done, Map<String, Object> typed,
            Map<String, String> errors, String detail, int status) {
        EnrolmentSummary enrolment = prevention.enrolment(id);
        EditionSummary edition = prevention.edition(enrolment.editionId());
        ProgrammeSummary programme = prevention.programme(edition.programmeId());
        List<Assessment> list = new ArrayList<>(prevention.assessments(id));
        list.sort(Comparator.comparing(Assessment::assessedOn).reversed());
        Assessment current = null;
        if (!list.isEmpty()) {
            current = chosen == null ? list.get(0)
                    : list.stream().filter(a -> a.id().equals(chosen)).findFirst()
                            .orElseThrow(NotFoundException::new);
        }
        // the oldest has nothing to be compared with
        Assessment.Comparison comparison = current == null || list.indexOf(current) == list.size() - 1 ? null
                : prevention.comparison(current.id());
        if (comparison != null && comparison.previousId() == null) {
            comparison = null;
        }
        List<Instrument> instruments = prevention.instruments();
        // a re-assessment uses the instrument of the latest assessment (so the two compare); a first one the
        // newest instrument version
        UUID previous = list.isEmpty() ? null : list.get(0).instrumentId();
        Instrument instrument = instruments.stream().filter(i -> i.id().equals(previous)).findFirst()
                .orElse(instruments.stream().max(Comparator.comparing(Instrument::version)).orElse(null));
        Map<String, Object> form = typed;
        if (form == null) {
            form = new LinkedHashMap<>();
            form.put("assessedOn", LocalDate.now().toString());
            form.put("occasion", list.isEmpty() ? "INITIAL" : "SCHEDULED");
            form.put("overallJudgement", "");
            form.put("rationale", "");
            form.put("levels", Map.of());
            form.put("evidence", Map.of());
        }
        return PreventionProgrammesResource.html(status,
                pages.render(assessments, List.of(programme.classification(), pages.clearance()))
                        .data("enrolment", enrolment).data("edition", edition).data("programme", programme)
                        .data("assessments", list).data("current", current).data("comparison", comparison)
                        .data("instrument", instrument).data("occasions", OCCASIONS).data("values", form)
                        .data("errors", errors).data("detail", detail).data("done", done)
                        .data("arabic", "ar".equals(pages.locale().getLanguage())).render());
    }
}
