package org.yaqaza.console.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.prevention.ProgrammeSummary;
import org.yaqaza.console.api.prevention.Requests;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.api.prevention.CertificateCheck;
import org.yaqaza.console.api.prevention.CertificateRecord;
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
 * "Is this imam's or preacher's certificate valid?" — the one prevention page other roles may open, because the
 * API answers them too ({@code GET /certificates/{number}/validity}: any staff role, never a partner): the status,
 * the kind and the dates, never the holder.
 */
@Path("/prevention/certificates")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionCertificatesResource {

    static final List<String> STATUSES = List.of("VALID", "EXPIRED", "REVOKED");
    private static final Set<Integer> FORM_REFUSALS = Set.of(400, 403, 404, 409, 422);

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final ConsoleConfig config;
    private final Template lookup;
    private final Template registry;
    private final Template issueForm;
    private final Template changeForm;

    public PreventionCertificatesResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            ConsoleConfig config, @Location("prevention/validity") Template lookup,
            @Location("prevention/certificates") Template registry,
            @Location("prevention/new-certificate") Template issueForm,
            @Location("prevention/certificate-change") Template changeForm) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.lookup = lookup;
        this.registry = registry;
        this.issueForm = issueForm;
        this.changeForm = changeForm;
    }

    /**
     * The registry list (prevention staff only, as the API's {@code GET /certificates}): filtered and paged on the
     * server; the search box takes the start of a number or part of the holder's name, which the API compares
     * after the Arabic orthography rules and never returns.
     */
    /** The registry's sortable columns (the API's whitelist: number and dates, never the holder's name). */
    static final List<String> CERTIFICATE_SORTS = List.of("number", "issuedOn", "expiresOn");

    @GET
    public Response registry(@QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("expiringWithin") String expiringWithin, @QueryParam("cursor") String cursor,
            @QueryParam("done") String done, @QueryParam("sort") String sort) {
        gate.requireStaff();
        String order = SortHeaders.oneOf(sort, CERTIFICATE_SORTS);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", status == null ? "" : status.trim());
        values.put("q", q == null ? "" : q.trim());
        values.put("expiringWithin", expiringWithin == null ? "" : expiringWithin.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        Page<CertificateRecord> page = null;
        if (!values.get("status").isEmpty() && !STATUSES.contains(values.get("status"))) {
            errors.put("status", "required");
        } else {
            try {
                page = prevention.certificates(blank(values.get("status")), blank(values.get("expiringWithin")),
                        blank(values.get("q")), blank(cursor), config.pageSize(), order);
            } catch (WebApplicationException refused) {
                if (refused.getResponse().getStatus() != 400) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                if (errors.isEmpty()) {
                    errors.put("q", refusal.detail() == null ? "required" : refusal.detail());
                }
            }
        }
        SortHeaders sorts = new SortHeaders("/console/prevention/certificates", values, order);
        String next = page == null || page.nextCursor() == null ? null : sorts.next(page.nextCursor());
        return PreventionProgrammesResource.html(errors.isEmpty() ? 200 : 400,
                pages.render(registry, List.of(pages.clearance())).data("values", values).data("errors", errors)
                        .data("statuses", STATUSES).data("certificates", page).data("next", next)
                        .data("sorts", sorts)
                        .data("done", done).render());
    }

    /** The certifying programmes (imam and preacher training) the user sees, for the issue form. */
    private List<Map<String, String>> certifying() {
        List<Map<String, String>> all = new java.util.ArrayList<>();
        for (String kind : List.of("IMAM_TRAINING", "PREACHER_TRAINING")) {
            for (ProgrammeSummary p : prevention.programmes(kind, null, 100, null).items()) {
                all.add(Map.of("id", p.id().toString(), "name", p.name(), "kind", p.kind()));
            }
        }
        return all;
    }

    @GET
    @Path("/new")
    public Response newCertificate(@QueryParam("participant") String participant) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("participantCode", participant == null ? "" : participant.trim());
        values.put("programmeId", "");
        values.put("number", "");
        values.put("issuedOn", LocalDate.now().toString());
        values.put("expiresOn", LocalDate.now().plusYears(3).toString());
        return issuePage(values, Map.of(), null, 200);
    }

    @POST
    public Response issue(@RestForm String participantCode, @RestForm String programmeId, @RestForm String number,
            @RestForm String issuedOn, @RestForm String expiresOn) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("participantCode", participantCode == null ? "" : participantCode.trim());
        values.put("programmeId", programmeId == null ? "" : programmeId.trim());
        values.put("number", number == null ? "" : number.trim());
        values.put("issuedOn", issuedOn == null ? "" : issuedOn.trim());
        values.put("expiresOn", expiresOn == null ? "" : expiresOn.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate issued = PreventionProgrammesResource.date(values.get("issuedOn"), "issuedOn", errors);
        LocalDate expires = PreventionProgrammesResource.date(values.get("expiresOn"), "expiresOn", errors);
        UUID programme = null;
        try {
            programme = UUID.fromString(values.get("programmeId"));
        } catch (IllegalArgumentException notChosen) {
            errors.put("programmeId", "required");
        }
        if (values.get("participantCode").isEmpty()) {
            errors.put("participantCode", "required");
        }
        if (!errors.isEmpty()) {
            return issuePage(values, errors, null, 400);
        }
        try {
            CertificateRecord issuedRecord = prevention.issueCertificate(new Requests.Issue(
                    values.get("participantCode"), programme, blank(values.get("number")), issued, expires));
            return Redirects.seeOther("/console/prevention/certificates?q="
                    + PreventionProgrammesResource.encode(issuedRecord.number()) + "&done=issued").build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            errors.putAll(refusal.fieldErrors());
            String detail = refusal.detail();
            if (status == 404) {
                // the participant or the programme is not among those the user may work on
                errors.put(detail != null && detail.startsWith("Programme") ? "programmeId" : "participantCode",
                        "unknown");
                detail = null;
            }
            return issuePage(values, errors, detail, status == 404 ? 422 : status);
        }
    }

    private Response issuePage(Map<String, String> values, Map<String, String> errors, String detail, int status) {
        return PreventionProgrammesResource.html(status, pages.render(issueForm, List.of(pages.clearance()))
                .data("values", values).data("errors", errors).data("detail", detail)
                .data("programmes", certifying()).render());
    }

    @GET
    @Path("/{number}/renewal")
    public Response renewalForm(@PathParam("number") String number) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        CertificateRecord record = prevention.certificate(number);
        values.put("renewedOn", LocalDate.now().toString());
        values.put("newExpiry", record.expiresOn().plusYears(3).toString());
        return changePage("renewal", record, values, Map.of(), null, 200);
    }

    @POST
    @Path("/{number}/renewal")
    public Response renew(@PathParam("number") String number, @RestForm String renewedOn,
            @RestForm String newExpiry) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("renewedOn", renewedOn == null ? "" : renewedOn.trim());
        values.put("newExpiry", newExpiry == null ? "" : newExpiry.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = PreventionProgrammesResource.date(values.get("renewedOn"), "renewedOn", errors);
        LocalDate until = PreventionProgrammesResource.date(values.get("newExpiry"), "newExpiry", errors);
        if (errors.isEmpty()) {
            try {
                prevention.renewCertificate(number, new Requests.Renewal(on, until));
                return Redirects.seeOther("/console/prevention/certificates?q="
                        + PreventionProgrammesResource.encode(number) + "&done=renewed").build();
            } catch (WebApplicationException refused) {
                return refusedChange("renewal", number, values, errors, refused);
            }
        }
        return changePage("renewal", prevention.certificate(number), values, errors, null, 400);
    }

    @GET
    @Path("/{number}/revocation")
    public Response revocationForm(@PathParam("number") String number) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("revokedOn", LocalDate.now().toString());
        values.put("reason", "");
        return changePage("revocation", prevention.certificate(number), values, Map.of(), null, 200);
    }

    @POST
    @Path("/{number}/revocation")
    public Response revoke(@PathParam("number") String number, @RestForm String revokedOn,
            @RestForm String reason) {
        gate.requireStaff();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("revokedOn", revokedOn == null ? "" : revokedOn.trim());
        values.put("reason", reason == null ? "" : reason);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = PreventionProgrammesResource.date(values.get("revokedOn"), "revokedOn", errors);
        if (errors.isEmpty()) {
            try {
                prevention.revokeCertificate(number, new Requests.Revocation(on, blank(values.get("reason"))));
                return Redirects.seeOther("/console/prevention/certificates?q="
                        + PreventionProgrammesResource.encode(number) + "&done=revoked").build();
            } catch (WebApplicationException refused) {
                return refusedChange("revocation", number, values, errors, refused);
            }
        }
        return changePage("revocation", prevention.certificate(number), values, errors, null, 400);
    }

    private Response refusedChange(String change, String number, Map<String, String> values,
            Map<String, String> errors, WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (!FORM_REFUSALS.contains(status) || status == 404) {
            throw refused;
        }
        ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
        errors.putAll(refusal.fieldErrors());
        return changePage(change, prevention.certificate(number), values, errors, refusal.detail(), status);
    }

    private Response changePage(String change, CertificateRecord record, Map<String, String> values,
            Map<String, String> errors, String detail, int status) {
        return PreventionProgrammesResource.html(status, pages.render(changeForm, List.of(pages.clearance()))
                .data("change", change).data("record", record).data("values", values).data("errors", errors)
                .data("detail", detail).render());
    }

    private static String blank(String value) {
        return PreventionProgrammesResource.blankToNull(value);
    }

    @GET
    @Path("/validity")
    public Response validity(@QueryParam("number") String number, @QueryParam("on") String on) {
        gate.requireLookup();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("number", number == null ? "" : number.trim());
        values.put("on", on == null ? "" : on.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        CertificateCheck check = null;
        if (!values.get("number").isEmpty()) {
            if (!values.get("on").isEmpty()) {
                PreventionProgrammesResource.date(values.get("on"), "on", errors);
            }
            if (errors.isEmpty()) {
                try {
                    check = prevention.validity(values.get("number"),
                            values.get("on").isEmpty() ? null : values.get("on"));
                } catch (WebApplicationException refused) {
                    int status = refused.getResponse().getStatus();
                    if (status != 400 && status != 404) {
                        throw refused;
                    }
                    ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                    errors.putAll(refusal.fieldErrors());
                    if (errors.isEmpty()) {
                        errors.put("number", refusal.detail() == null ? "unknown" : refusal.detail());
                    }
                }
            }
        }
        // the registry's record (holder code, renewals, revocation) is case data: prevention staff only
        CertificateRecord record = null;
        if (check != null && !"UNKNOWN".equals(check.status()) && gate.staff()) {
            record = prevention.certificate(values.get("number"));
        }
        return PreventionProgrammesResource.html(errors.isEmpty() ? 200 : 400,
                pages.render(lookup, record == null ? List.of() : List.of(pages.clearance()))
                        .data("values", values).data("errors", errors).data("check", check).data("record", record)
                        .render());
    }
}
