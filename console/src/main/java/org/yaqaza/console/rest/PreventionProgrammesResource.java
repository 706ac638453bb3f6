package org.yaqaza.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
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
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.prevention.AttendanceEntry;
import org.yaqaza.console.api.prevention.EditionSummary;
import org.yaqaza.console.api.prevention.EnrolmentSummary;
import org.yaqaza.console.api.prevention.ModuleSummary;
import org.yaqaza.console.api.prevention.ProgrammeSummary;
import org.yaqaza.console.api.prevention.Requests;
import org.yaqaza.console.api.prevention.SessionSummary;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.service.PreventionApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.PreventionGate;
import org.yaqaza.console.web.Redirects;
import org.yaqaza.console.web.SortHeaders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The prevention officers' programmes (issue 19 item 3): programmes (paged and filtered by kind on the server),
 * a programme's editions with their occupancy, an edition's applications and enrolments (filtered by state on the
 * server) with the waiting list in its order, the application form, the state changes, the sessions and each
 * session's attendance sheet. Prevention staff only: everyone else gets the 404 page.
 *
 * <p>Pages listing participants are marked at the user's clearance: the enrolment views carry no marking of
 * their own, and the user may see participants up to it (the dashboard's rule for figures of unknown marking).
 */
@Path("/prevention")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionProgrammesResource {

    static final List<String> KINDS = List.of("IMAM_TRAINING", "PREACHER_TRAINING", "OUTREACH_CAMPAIGN",
            "PRISON_RECONCILIATION", "POST_RELEASE_REINTEGRATION", "YOUTH_OUTREACH");
    static final List<String> STATES = List.of("APPLIED", "SCREENED", "WAITLISTED", "ENROLLED", "ACTIVE",
            "COMPLETED", "WITHDRAWN", "EXCLUDED");
    static final List<String> MARKS = List.of("PRESENT", "ABSENT", "EXCUSED");
    private static final Set<Integer> FORM_REFUSALS = Set.of(400, 403, 404, 409, 412, 422);

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final ConsoleConfig config;
    private final Template programmesPage;
    private final Template programmePage;
    private final Template editionPage;
    private final Template sessionPage;

    public PreventionProgrammesResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            ConsoleConfig config, @Location("prevention/programmes") Template programmesPage,
            @Location("prevention/programme") Template programmePage,
            @Location("prevention/edition") Template editionPage,
            @Location("prevention/session") Template sessionPage) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.programmesPage = programmesPage;
        this.programmePage = programmePage;
        this.editionPage = editionPage;
        this.sessionPage = sessionPage;
    }

    @GET
    public Response index() {
        gate.requireStaff();
        return Redirects.seeOther("/console/prevention/programmes").build();
    }

    /** The programme columns the API sorts by. */
    static final List<String> PROGRAMME_SORTS = List.of("name", "region");

    @GET
    @Path("/programmes")
    public Response programmes(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort) {
        gate.requireStaff();
        String order = SortHeaders.oneOf(sort, PROGRAMME_SORTS);
        String chosen = kind == null || kind.isBlank() ? "" : kind.trim();
        Map<String, String> errors = new LinkedHashMap<>();
        Page<ProgrammeSummary> page = null;
        if (!chosen.isEmpty() && !KINDS.contains(chosen)) {
            errors.put("kind", "must be one of " + String.join(", ", KINDS));
        } else {
            page = prevention.programmes(chosen.isEmpty() ? null : chosen, blankToNull(cursor), config.pageSize(),
                    order);
        }
        List<String> shown = new ArrayList<>();
        if (page != null) {
            page.items().forEach(p -> shown.add(p.classification()));
        }
        SortHeaders sorts = new SortHeaders("/console/prevention/programmes", Map.of("kind", chosen), order);
        String next = page == null || page.nextCursor() == null ? null : sorts.next(page.nextCursor());
        return html(errors.isEmpty() ? 200 : 400, pages.render(programmesPage, shown)
                .data("kinds", KINDS).data("kind", chosen).data("errors", errors).data("programmes", page)
                .data("officer", gate.officer())
                .data("sorts", sorts)
                .data("next", next).render());
    }

    @GET
    @Path("/programmes/{id}")
    public Response programme(@PathParam("id") UUID id, @QueryParam("done") String done) {
        gate.requireStaff();
        ProgrammeSummary programme = prevention.programme(id);
        List<EditionSummary> editions = prevention.editions(id);
        return html(200, pages.render(programmePage, List.of(programme.classification()))
                .data("programme", programme).data("editions", editions).data("done", done)
                .data("officer", gate.officer())
                .data("modules", prevention.modules(id)).render());
    }

    @GET
    @Path("/editions/{id}")
    public Response edition(@PathParam("id") UUID id, @QueryParam("state") String state,
            @QueryParam("done") String done) {
        gate.requireStaff();
        return editionPage(id, state, done, applicationForm(null, null, null), Map.of(), null, sessionForm(),
                Map.of(), null, null, null, 200);
    }

    /** An application to the edition; then the edition's page, or the form again with the API's problems. */
    @POST
    @Path("/editions/{id}/enrolments")
    public Response apply(@PathParam("id") UUID id, @RestForm String participantCode, @RestForm String appliedOn,
            @RestForm String voluntary) {
        gate.requireStaff();
        Map<String, Object> values = applicationForm(participantCode, appliedOn, voluntary != null);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate applied = date(appliedOn, "appliedOn", errors);
        String detail = null;
        int status = 400;
        if (errors.isEmpty()) {
            try {
                EnrolmentSummary created = prevention.apply(id, new Requests.Application(blankToNull(participantCode),
                        voluntary != null, applied, null));
                return Redirects.seeOther("/console/prevention/editions/" + id + "?done=applied#enrolment-"
                        + created.id()).build();
            } catch (WebApplicationException refused) {
                status = refused.getResponse().getStatus();
                if (!FORM_REFUSALS.contains(status)) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                detail = refusal.detail();
                if (status == 404) {
                    // the edition is read again below (a 404 page if it is the one missing): here it is the code
                    errors.put("participantCode", "unknown");
                    detail = null;
                }
            }
        }
        return editionPage(id, null, null, values, errors, detail, sessionForm(), Map.of(), null, null, null,
                status);
    }

    /** A state change asked for one enrolment (screened, enrolled — or waitlisted when full —, withdrawn…). */
    @POST
    @Path("/editions/{id}/enrolments/{enrolment}/transitions")
    public Response transition(@PathParam("id") UUID id, @PathParam("enrolment") UUID enrolment,
            @RestForm String to, @RestForm String reason) {
        gate.requireStaff();
        try {
            EnrolmentSummary moved = prevention.transition(enrolment,
                    new Requests.Transition(blankToNull(to), blankToNull(reason), null));
            return Redirects.seeOther("/console/prevention/editions/" + id + "?done=" + moved.state().toLowerCase()
                    + "#enrolment-" + enrolment).build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 404 || !FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            String detail = refusal.detail() == null ? String.join("; ", refusal.fieldErrors().values())
                    : refusal.detail();
            return editionPage(id, null, null, applicationForm(null, null, null), Map.of(), null, sessionForm(),
                    Map.of(), enrolment, detail, null, status);
        }
    }

    /** A session of the edition (one curriculum module, one day). */
    @POST
    @Path("/editions/{id}/sessions")
    public Response createSession(@PathParam("id") UUID id, @RestForm String moduleId, @RestForm String heldOn,
            @RestForm String topic, @RestForm String facilitator) {
        gate.requireStaff();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("moduleId", moduleId == null ? "" : moduleId);
        values.put("heldOn", heldOn == null ? "" : heldOn);
        values.put("topic", topic == null ? "" : topic);
        values.put("facilitator", facilitator == null ? "" : facilitator);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate held = date(heldOn, "heldOn", errors);
        UUID module = uuid(moduleId, "moduleId", errors);
        String detail = null;
        int status = 400;
        if (errors.isEmpty()) {
            try {
                SessionSummary session = prevention.createSession(id, new Requests.Session(module, held,
                        blankToNull(topic), blankToNull(facilitator)));
                return Redirects.seeOther("/console/prevention/editions/" + id + "/sessions/" + session.id()
                        + "?done=created").build();
            } catch (WebApplicationException refused) {
                status = refused.getResponse().getStatus();
                if (status == 404 || !FORM_REFUSALS.contains(status)) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                detail = refusal.detail();
            }
        }
        return editionPage(id, null, null, applicationForm(null, null, null), Map.of(), null, values, errors,
                null, null, detail, status);
    }

    @GET
    @Path("/editions/{id}/sessions/{session}")
    public Response session(@PathParam("id") UUID id, @PathParam("session") UUID session,
            @QueryParam("done") String done) {
        gate.requireStaff();
        return sessionPage(id, session, done, null, null, 200);
    }

    /** The attendance sheet: one mark per participant who holds a place (the API refuses the others). */
    @POST
    @Path("/editions/{id}/sessions/{session}/attendance")
    public Response recordAttendance(@PathParam("id") UUID id, @PathParam("session") UUID session,
            @RestForm List<String> enrolment, @RestForm List<String> mark) {
        gate.requireStaff();
        Map<String, String> typed = new LinkedHashMap<>();
        List<Requests.Mark> marks = new ArrayList<>();
        int count = Math.min(enrolment == null ? 0 : enrolment.size(), mark == null ? 0 : mark.size());
        for (int i = 0; i < count; i++) {
            if (mark.get(i) == null || mark.get(i).isBlank()) {
                continue;
            }
            typed.put(enrolment.get(i), mark.get(i));
            try {
                marks.add(new Requests.Mark(UUID.fromString(enrolment.get(i)), mark.get(i)));
            } catch (IllegalArgumentException notAnId) {
                return sessionPage(id, session, null, typed, "marks", 400);
            }
        }
        if (marks.isEmpty()) {
            return sessionPage(id, session, null, typed, "none", 400);
        }
        try {
            prevention.recordAttendance(session, new Requests.Attendance(marks));
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 404 || !FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            String detail = refusal.detail() == null ? String.join("; ", refusal.fieldErrors().values())
                    : refusal.detail();
            return sessionPage(id, session, null, typed, detail, status);
        }
        return Redirects.seeOther("/console/prevention/editions/" + id + "/sessions/" + session + "?done=recorded")
                .build();
    }

    private Response editionPage(UUID id, String state, String done, Map<String, Object> application,
            Map<String, String> applicationErrors, String applicationDetail, Map<String, Object> session,
            Map<String, String> sessionErrors, UUID refusedEnrolment, String transitionDetail, String sessionDetail,
            int status) {
        EditionSummary edition = prevention.edition(id);
        ProgrammeSummary programme = prevention.programme(edition.programmeId());
        String filter = state == null || state.isBlank() ? "" : state.trim();
        if (!filter.isEmpty() && !STATES.contains(filter)) {
            throw new WebApplicationException(Response.status(400).build());
        }
        List<EnrolmentSummary> enrolments = prevention.enrolments(id, filter.isEmpty() ? null : filter);
        List<EnrolmentSummary> waiting = new ArrayList<>(prevention.enrolments(id, "WAITLISTED"));
        waiting.sort(Comparator.comparing(e -> e.waitingPosition() == null ? Integer.MAX_VALUE : e.waitingPosition()));
        List<SessionSummary> sessions = new ArrayList<>(prevention.sessions(id));
        sessions.sort(Comparator.comparing(SessionSummary::heldOn));
        List<ModuleSummary> modules = prevention.modules(programme.id());
        return html(status, pages.render(editionPage, List.of(programme.classification(), pages.clearance()))
                .data("edition", edition).data("programme", programme).data("states", STATES)
                .data("state", filter).data("enrolments", enrolments).data("waiting", waiting)
                .data("sessions", sessions).data("modules", modules).data("done", done)
                .data("values", application).data("errors", applicationErrors).data("detail", applicationDetail)
                .data("sessionValues", session).data("sessionErrors", sessionErrors)
                .data("sessionDetail", sessionDetail)
                .data("refusedEnrolment", refusedEnrolment == null ? "" : refusedEnrolment.toString())
                .data("transitionDetail", transitionDetail).render());
    }

    private Response sessionPage(UUID id, UUID sessionId, String done, Map<String, String> typed, String detail,
            int status) {
        EditionSummary edition = prevention.edition(id);
        ProgrammeSummary programme = prevention.programme(edition.programmeId());
        SessionSummary session = prevention.sessions(id).stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Map<String, String> marks = new LinkedHashMap<>();
        for (AttendanceEntry entry : prevention.attendance(sessionId)) {
            marks.put(entry.enrolmentId().toString(), entry.status());
        }
        if (typed != null) {
            marks.putAll(typed);
        }
        List<EnrolmentSummary> attending = prevention.enrolments(id, null).stream()
                .filter(EnrolmentSummary::attending)
                .sorted(Comparator.comparing(EnrolmentSummary::participantCode)).toList();
        return html(status, pages.render(sessionPage, List.of(programme.classification(), pages.clearance()))
                .data("edition", edition).data("programme", programme).data("session", session)
                .data("attending", attending).data("marks", marks).data("choices", MARKS).data("done", done)
                .data("detail", detail).render());
    }

    private static Map<String, Object> applicationForm(String participantCode, String appliedOn, Boolean voluntary) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participantCode", participantCode == null ? "" : participantCode.trim());
        values.put("appliedOn", appliedOn == null ? LocalDate.now().toString() : appliedOn.trim());
        values.put("voluntary", voluntary == null || voluntary);
        return values;
    }

    private static Map<String, Object> sessionForm() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("moduleId", "");
        values.put("heldOn", LocalDate.now().toString());
        values.put("topic", "");
        values.put("facilitator", "");
        return values;
    }

    static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "required");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            errors.put(field, "date");
            return null;
        }
    }

    private static UUID uuid(String value, String field, Map<String, String> errors) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException notAnId) {
            errors.put(field, "required");
            return null;
        }
    }

    static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
