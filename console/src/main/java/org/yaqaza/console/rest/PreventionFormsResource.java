package org.yaqaza.console.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.yaqaza.console.api.prevention.EditionSummary;
import org.yaqaza.console.api.prevention.ProgrammeSummary;
import org.yaqaza.console.api.prevention.Requests;
import org.yaqaza.console.service.PreventionApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.PreventionGate;
import org.yaqaza.console.web.Redirects;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The prevention officers' create and edit forms (issue 19 item 3): programmes (with their weekly schedule and
 * partner institutions), curriculum modules, editions, and the registration of a participant. Each form sends
 * the API's own request; what the API refuses (RFC 9457, field by field) is shown next to the field, with what
 * was typed kept. Programme, module and edition forms are offered to prevention officers only (the API's rule);
 * registration to all prevention staff (the API's case-data rule). Everyone else gets the 404 page.
 */
@Path("/prevention")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionFormsResource {

    static final List<String> MARKINGS = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET");
    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");
    private static final Set<Integer> FORM_REFUSALS = Set.of(400, 403, 404, 409, 412, 422);
    /** A schedule line: "TUESDAY 09:00-12:00 prison library" (the place is optional). */
    private static final Pattern SLOT = Pattern.compile("\\s*([A-Za-z]+)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*(.*)");
    /** API field names of a schedule slot and of a partner institution, shown next to their text area. */
    private static final Set<String> SLOT_FIELDS = Set.of("day", "starts", "ends", "place", "schedule");
    private static final Set<String> INSTITUTION_FIELDS = Set.of("role", "partnerInstitutions");

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final Template programmeForm;
    private final Template editionForm;
    private final Template participantForm;

    public PreventionFormsResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            @Location("prevention/programme-form") Template programmeForm,
            @Location("prevention/edition-form") Template editionForm,
            @Location("prevention/participant-form") Template participantForm) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.programmeForm = programmeForm;
        this.editionForm = editionForm;
        this.participantForm = participantForm;
    }

    private void requireOfficer() {
        gate.requireStaff();
        if (!gate.officer()) {
            throw new NotFoundException();
        }
    }

    // ---- programmes

    @GET
    @Path("/programmes/new")
    public Response newProgramme() {
        requireOfficer();
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("kind", "name", "institution", "region", "capacity", "description", "schedule",
                "partnerInstitutions", "assessmentCadenceDays", "compartments", "sharedWith")) {
            values.put(f, "");
        }
        values.put("classification", "RESTRICTED");
        return programmePage(null, values, Map.of(), null, 200);
    }

    @POST
    @Path("/programmes")
    public Response createProgramme(@RestForm String kind, @RestForm String name, @RestForm String institution,
            @RestForm String region, @RestForm String capacity, @RestForm String classification,
            @RestForm String compartments, @RestForm String sharedWith, @RestForm String description,
            @RestForm String schedule, @RestForm String partnerInstitutions,
            @RestForm String assessmentCadenceDays) {
        requireOfficer();
        Map<String, String> values = programmeValues(kind, name, institution, region, capacity, classification,
                compartments, sharedWith, description, schedule, partnerInstitutions, assessmentCadenceDays);
        Map<String, String> errors = new LinkedHashMap<>();
        Requests.Programme request = programmeRequest(values, errors, null);
        if (!errors.isEmpty()) {
            return programmePage(null, values, errors, null, 400);
        }
        try {
            ProgrammeSummary created = prevention.createProgramme(request);
            return Redirects.seeOther("/console/prevention/programmes/" + created.id() + "?done=created").build();
        } catch (WebApplicationException refused) {
            return refusedProgramme(null, values, refused);
        }
    }

    @GET
    @Path("/programmes/{id}/edit")
    public Response editProgramme(@PathParam("id") UUID id) {
        requireOfficer();
        ProgrammeSummary p = prevention.programme(id);
        Map<String, String> values = programmeValues(p.kind(), p.name(), p.institution(), p.region(),
                String.valueOf(p.capacity()), p.classification(), String.join(", ", orEmpty(p.compartments())),
                String.join(", ", orEmpty(p.sharedWith())), p.description(), scheduleText(p.schedule()),
                institutionsText(p.partnerInstitutions()),
                p.assessmentCadenceDays() == null ? "" : p.assessmentCadenceDays().toString());
        values.put("version", String.valueOf(p.version()));
        return programmePage(p, values, Map.of(), null, 200);
    }

    @POST
    @Path("/programmes/{id}")
    public Response updateProgramme(@PathParam("id") UUID id, @RestForm String kind, @RestForm String name,
            @RestForm String institution, @RestForm String region, @RestForm String capacity,
            @RestForm String classification, @RestForm String compartments, @RestForm String sharedWith,
            @RestForm String description, @RestForm String schedule, @RestForm String partnerInstitutions,
            @RestForm String assessmentCadenceDays, @RestForm String version) {
        requireOfficer();
        ProgrammeSummary current = prevention.programme(id);
        Map<String, String> values = programmeValues(kind, name, institution, region, capacity, classification,
                compartments, sharedWith, description, schedule, partnerInstitutions, assessmentCadenceDays);
        values.put("version", version == null ? "" : version.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        Requests.Programme request = programmeRequest(values, errors, current);
        if (!errors.isEmpty()) {
            return programmePage(current, values, errors, null, 400);
        }
        try {
            prevention.updateProgramme(id, "\"" + values.get("version") + "\"", request);
            return Redirects.seeOther("/console/prevention/programmes/" + id + "?done=saved").build();
        } catch (WebApplicationException refused) {
            return refusedProgramme(current, values, refused);
        }
    }

    /** A curriculum module, from the programme's edit page. */
    @POST
    @Path("/programmes/{id}/modules")
    public Response addModule(@PathParam("id") UUID id, @RestForm String code, @RestForm String title,
            @RestForm String requiredSessions) {
        requireOfficer();
        ProgrammeSummary current = prevention.programme(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer sessions = number(requiredSessions, "requiredSessions", errors);
        if (code == null || code.isBlank()) {
            errors.put("code", "required");
        }
        if (errors.isEmpty()) {
            try {
                prevention.addModule(id, new Requests.Module(code.trim(), blank(title), sessions, null));
                return Redirects.seeOther("/console/prevention/programmes/" + id + "?done=module").build();
            } catch (WebApplicationException refused) {
                int status = refused.getResponse().getStatus();
                if (!FORM_REFUSALS.contains(status)) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                return modulePage(current, code, title, requiredSessions, errors, refusal.detail(), status);
            }
        }
        return modulePage(current, code, title, requiredSessions, errors, null, 400);
    }

    private Response modulePage(ProgrammeSummary current, String code, String title, String requiredSessions,
            Map<String, String> errors, String detail, int status) {
        Map<String, String> values = programmeValues(current.kind(), current.name(), current.institution(),
                current.region(), String.valueOf(current.capacity()), current.classification(),
                String.join(", ", orEmpty(current.compartments())), String.join(", ", orEmpty(current.sharedWith())),
                current.description(), scheduleText(current.schedule()),
                institutionsText(current.partnerInstitutions()),
                current.assessmentCadenceDays() == null ? "" : current.assessmentCadenceDays().toString());
        values.put("version", String.valueOf(current.version()));
        Map<String, String> module = new LinkedHashMap<>();
        module.put("code", code == null ? "" : code.trim());
        module.put("title", title == null ? "" : title);
        module.put("requiredSessions", requiredSessions == null ? "" : requiredSessions.trim());
        return PreventionProgrammesResource.html(status, pages.render(programmeForm, List.of(pages.clearance()))
                .data("programme", current).data("values", values).data("errors", Map.of()).data("detail", null)
                .data("kinds", PreventionProgrammesResource.KINDS).data("markings", MARKINGS)
                .data("module", module).data("moduleErrors", errors).data("moduleDetail", detail)
                .data("modules", prevention.modules(current.id())).render());
    }

    private Response refusedProgramme(ProgrammeSummary current, Map<String, String> values,
            WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (!FORM_REFUSALS.contains(status)) {
            throw refused;
        }
        ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.fieldErrors().forEach((field, message) -> {
            String shown = SLOT_FIELDS.contains(field) ? "schedule"
                    : INSTITUTION_FIELDS.contains(field) ? "partnerInstitutions" : field;
            errors.merge(shown, message, (a, b) -> a + "; " + b);
        });
        return programmePage(current, values, errors, refusal.detail(), status);
    }

    private Response programmePage(ProgrammeSummary current, Map<String, String> values, Map<String, String> errors,
            String detail, int status) {
        return PreventionProgrammesResource.html(status, pages.render(programmeForm, List.of(pages.clearance()))
                .data("programme", current).data("values", values).data("errors", errors).data("detail", detail)
                .data("kinds", PreventionProgrammesResource.KINDS).data("markings", MARKINGS)
                .data("module", Map.of("code", "", "title", "", "requiredSessions", "")).data("moduleErrors", Map.of())
                .data("moduleDetail", null)
                .data("modules", current == null ? List.of() : prevention.modules(current.id())).render());
    }

    private static Map<String, String> programmeValues(String kind, String name, String institution, String region,
            String capacity, String classification, String compartments, String sharedWith, String description,
            String schedule, String partnerInstitutions, String assessmentCadenceDays) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", trim(kind));
        values.put("name", name == null ? "" : name);
        values.put("institution", institution == null ? "" : institution);
        values.put("region", region == null ? "" : region);
        values.put("capacity", trim(capacity));
        values.put("classification", trim(classification));
        values.put("compartments", trim(compartments));
        values.put("sharedWith", trim(sharedWith));
        values.put("description", description == null ? "" : description);
        values.put("schedule", schedule == null ? "" : schedule);
        values.put("partnerInstitutions", partnerInstitutions == null ? "" : partnerInstitutions);
        values.put("assessmentCadenceDays", trim(assessmentCadenceDays));
        return values;
    }

    /** The API's request from the form; the console checks only what it must parse (numbers, the lines). */
    private static Requests.Programme programmeRequest(Map<String, String> values, Map<String, String> errors,
            ProgrammeSummary current) {
        ProgrammeSummary.Eligibility eligibility = current == null ? null : current.eligibility();
        Integer capacity = number(values.get("capacity"), "capacity", errors);
        Integer cadence = values.get("assessmentCadenceDays").isEmpty() ? null
                : number(values.get("assessmentCadenceDays"), "assessmentCadenceDays", errors);
        List<Requests.Slot> slots = new ArrayList<>();
        for (String line : values.get("schedule").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = SLOT.matcher(line);
            if (!m.matches()) {
                errors.put("schedule", "schedule");
                break;
            }
            slots.add(new Requests.Slot(m.group(1).toUpperCase(java.util.Locale.ROOT), m.group(2), m.group(3),
                    m.group(4).isBlank() ? null : m.group(4).trim()));
        }
        List<Requests.Institution> institutions = new ArrayList<>();
        for (String line : values.get("partnerInstitutions").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            institutions.add(bar < 0 ? new Requests.Institution(line.trim(), null)
                    : new Requests.Institution(line.substring(0, bar).trim(), blank(line.substring(bar + 1))));
        }
        return new Requests.Programme(blank(values.get("kind")), blank(values.get("name")),
                blank(values.get("institution")), blank(values.get("region")), capacity,
                blank(values.get("classification")), codes(values.get("compartments")),
                codes(values.get("sharedWith")), blank(values.get("description")), slots, institutions,
                eligibility == null ? null : eligibility.voluntaryApplicationRequired(),
                eligibility == null ? null : eligibility.minimumAge(),
                eligibility == null ? null : eligibility.maximumAge(), cadence, null);
    }

    // ---- editions

    @GET
    @Path("/programmes/{id}/editions/new")
    public Response newEdition(@PathParam("id") UUID id) {
        requireOfficer();
        ProgrammeSummary programme = prevention.programme(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "");
        values.put("startsOn", LocalDate.now().toString());
        values.put("endsOn", "");
        values.put("capacity", String.valueOf(programme.capacity()));
        return editionPage(programme, values, Map.of(), null, 200);
    }

    @POST
    @Path("/programmes/{id}/editions")
    public Response createEdition(@PathParam("id") UUID id, @RestForm String name, @RestForm String startsOn,
            @RestForm String endsOn, @RestForm String capacity) {
        requireOfficer();
        ProgrammeSummary programme = prevention.programme(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("startsOn", trim(startsOn));
        values.put("endsOn", trim(endsOn));
        values.put("capacity", trim(capacity));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate starts = PreventionProgrammesResource.date(values.get("startsOn"), "startsOn", errors);
        LocalDate ends = values.get("endsOn").isEmpty() ? null
                : PreventionProgrammesResource.date(values.get("endsOn"), "endsOn", errors);
        Integer places = values.get("capacity").isEmpty() ? null : number(values.get("capacity"), "capacity", errors);
        if (!errors.isEmpty()) {
            return editionPage(programme, values, errors, null, 400);
        }
        try {
            EditionSummary created = prevention.createEdition(id,
                    new Requests.Edition(blank(values.get("name")), starts, ends, places));
            return Redirects.seeOther("/console/prevention/editions/" + created.id()).build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            return editionPage(programme, values, new LinkedHashMap<>(refusal.fieldErrors()), refusal.detail(),
                    status);
        }
    }

    private Response editionPage(ProgrammeSummary programme, Map<String, String> values, Map<String, String> errors,
            String detail, int status) {
        return PreventionProgrammesResource.html(status,
                pages.render(editionForm, List.of(programme.classification(), pages.clearance()))
                        .data("programme", programme).data("values", values).data("errors", errors)
                        .data("detail", detail).render());
    }

    // ---- participants

    @GET
    @Path("/participants/new")
    public Response newParticipant(@jakarta.ws.rs.QueryParam("registered") String registered) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("fullNameAr", "fullNameLatin", "nationalId", "birthDate")) {
            values.put(f, "");
        }
        // the lowest marking a participant file usually gets; the API refuses one above the user's clearance
        values.put("classification", "RESTRICTED");
        values.put("participationOn", LocalDate.now().toString());
        values.put("followUpOn", "");
        return PreventionProgrammesResource.html(200, pages.render(participantForm, List.of(pages.clearance()))
                .data("values", values).data("errors", Map.of()).data("detail", null).data("markings", MARKINGS)
                .data("registered", registered != null && registered.matches("[A-Z0-9-]{1,40}") ? registered : null)
                .render());
    }

    /**
     * Registration: the identity goes to the API, which encrypts it and answers with the pseudonymous code only;
     * the console never shows the identity again (disclosure is the API's audited route, with a purpose).
     */
    @POST
    @Path("/participants")
    public Response register(@RestForm String fullNameAr, @RestForm String fullNameLatin,
            @RestForm String nationalId, @RestForm String birthDate, @RestForm String classification,
            @RestForm String participationOn, @RestForm String followUpOn) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fullNameAr", fullNameAr == null ? "" : fullNameAr);
        values.put("fullNameLatin", fullNameLatin == null ? "" : fullNameLatin);
        values.put("nationalId", trim(nationalId));
        values.put("birthDate", trim(birthDate));
        values.put("classification", trim(classification));
        values.put("participationOn", trim(participationOn));
        values.put("followUpOn", trim(followUpOn));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate born = PreventionProgrammesResource.date(values.get("birthDate"), "birthDate", errors);
        List<Requests.Consent> consents = new ArrayList<>();
        if (!values.get("participationOn").isEmpty()) {
            consents.add(new Requests.Consent("PARTICIPATION",
                    PreventionProgrammesResource.date(values.get("participationOn"), "participationOn", errors)));
        }
        if (!values.get("followUpOn").isEmpty()) {
            consents.add(new Requests.Consent("FOLLOW_UP",
                    PreventionProgrammesResource.date(values.get("followUpOn"), "followUpOn", errors)));
        }
        if (!errors.isEmpty()) {
            return participantPage(values, errors, null, 400);
        }
        try {
            Requests.Registered registered = prevention.register(new Requests.Registration(
                    new Requests.Identity(blank(values.get("fullNameAr")), blank(values.get("fullNameLatin")),
                            blank(values.get("nationalId")), born),
                    blank(values.get("classification")), consents));
            return Redirects.seeOther("/console/prevention/participants/new?registered="
                    + PreventionProgrammesResource.encode(registered.code())).build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            Map<String, String> shown = new LinkedHashMap<>();
            // consent errors arrive as consents[i].givenOn: shown next to the consent dates
            refusal.fieldErrors().forEach((field, message) -> shown.merge(
                    "givenOn".equals(field) || "scope".equals(field) ? "participationOn" : field, message,
                    (a, b) -> a + "; " + b));
            return participantPage(values, shown, refusal.detail(), status);
        }
    }

    private Response participantPage(Map<String, String> values, Map<String, String> errors, String detail,
            int status) {
        return PreventionProgrammesResource.html(status, pages.render(participantForm, List.of(pages.clearance()))
                .data("values", values).data("errors", errors).data("detail", detail).data("markings", MARKINGS)
                .data("registered", null).render());
    }

    // ---- helpers

    private static Integer number(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "required");
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            errors.put(field, "number");
            return null;
        }
    }

    private static List<String> codes(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(String::trim).toList();
    }

    private static String scheduleText(List<ProgrammeSummary.Slot> slots) {
        StringBuilder text = new StringBuilder();
        for (ProgrammeSummary.Slot s : orEmpty(slots)) {
            text.append(s.day()).append(' ').append(s.starts()).append('-').append(s.ends())
                    .append(s.place() == null ? "" : " " + s.place()).append('\n');
        }
        return text.toString().trim();
    }

    private static String institutionsText(List<ProgrammeSummary.Institution> institutions) {
        StringBuilder text = new StringBuilder();
        for (ProgrammeSummary.Institution i : orEmpty(institutions)) {
            text.append(i.name()).append(i.role() == null ? "" : " | " + i.role()).append('\n');
        }
        return text.toString().trim();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blank(String value) {
        return PreventionProgrammesResource.blankToNull(value);
    }
}
