package org.yaqaza.console.rest;

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
import org.yaqaza.console.api.prevention.Referral;
import org.yaqaza.console.api.prevention.Requests;
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
 * The firewall's two doors (issue 19 item 3): referrals from other agencies into a programme (listed by status
 * on the server, paged and sorted there; decided by a prevention supervisor) and handovers of a participant's
 * file to another agency (asked by prevention staff, decided by a different prevention supervisor; pending ones are
 * listed in the approvals inbox, and one is reached from its request or by its address). Prevention staff only (404 otherwise); the decision
 * forms are offered to prevention supervisors, and the API decides who may decide (four-eyes included).
 */
@Path("/prevention")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionReferralsResource {

    static final List<String> STATUSES = List.of("PENDING", "APPROVED", "DECLINED");
    static final List<String> MARKINGS = List.of("RESTRICTED", "CONFIDENTIAL", "SECRET");
    private static final Set<Integer> FORM_REFUSALS = Set.of(400, 403, 409, 422);

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final ConsoleConfig config;
    private final Template referrals;
    private final Template handover;
    private final Template newHandover;
    private final Template handovers;

    public PreventionReferralsResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            ConsoleConfig config, @Location("prevention/referrals") Template referrals,
            @Location("prevention/handover") Template handover, @Location("prevention/new-handover") Template newHandover,
            @Location("prevention/handovers") Template handovers) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.referrals = referrals;
        this.handover = handover;
        this.newHandover = newHandover;
        this.handovers = handovers;
    }

    /** The referral orders the page offers (the API's whitelist; never a name: the identity is sealed). */
    static final List<String> REFERRAL_SORTS = List.of("createdAt", "status", "programmeKind", "region",
            "referringAgency");

    @GET
    @Path("/referrals")
    public Response referrals(@QueryParam("status") String status, @QueryParam("done") String done,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        gate.requireStaff();
        return referralsPage(status, done, cursor, SortHeaders.oneOf(sort, REFERRAL_SORTS), null, null, 200);
    }

    @POST
    @Path("/referrals/{id}/decision")
    public Response decideReferral(@PathParam("id") UUID id, @RestForm String decision, @RestForm String reason,
            @RestForm String classification) {
        gate.requireStaff();
        try {
            Referral decided = prevention.decideReferral(id, new Requests.Decision(
                    PreventionProgrammesResource.blankToNull(decision), PreventionProgrammesResource.blankToNull(reason),
                    PreventionProgrammesResource.blankToNull(classification)));
            return Redirects.seeOther("/console/prevention/referrals?status=" + decided.status() + "&done="
                    + decided.status().toLowerCase()).build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            return referralsPage("PENDING", null, null, null, id, refusal(refused), status);
        }
    }

    private Response referralsPage(String status, String done, String cursor, String order, UUID refusedId,
            String refusal, int code) {
        String filter = status == null || status.isBlank() ? "PENDING" : status.trim();
        if (!STATUSES.contains(filter)) {
            throw new WebApplicationException(Response.status(400).build());
        }
        Page<Referral> page = prevention.referrals(filter, PreventionProgrammesResource.blankToNull(cursor),
                config.pageSize(), order);
        SortHeaders sorts = new SortHeaders("/console/prevention/referrals", Map.of("status", filter), order);
        String next = page.nextCursor() == null ? null : sorts.next(page.nextCursor());
        return PreventionProgrammesResource.html(code, pages.render(referrals, List.of(pages.clearance()))
                .data("referrals", page.items()).data("sorts", sorts).data("next", next)
                .data("statuses", STATUSES).data("status", filter).data("done", done)
                .data("markings", MARKINGS).data("refusedId", refusedId == null ? "" : refusedId.toString())
                .data("refusal", refusal).data("deciding", gate.supervisor()).render());
    }

    /** The handover list's filter (the API's {@code state}; none = both) and orders (never a name). */
    static final List<String> HANDOVER_STATES = List.of("PENDING", "DECIDED");
    static final List<String> HANDOVER_SORTS = List.of("createdAt", "status", "recipientAgency");

    /** Every handover the caller may open, paged, filtered and sorted by the prevention service. */
    @GET
    @Path("/handovers")
    public Response handovers(@QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort) {
        gate.requireStaff();
        String filter = state == null ? "" : state.trim();
        if (!filter.isEmpty() && !HANDOVER_STATES.contains(filter)) {
            throw new WebApplicationException(Response.status(400).build());
        }
        String order = SortHeaders.oneOf(sort, HANDOVER_SORTS);
        Page<Referral.Handover> page = prevention.handovers(filter.isEmpty() ? null : filter,
                PreventionProgrammesResource.blankToNull(cursor), config.pageSize(), order);
        SortHeaders sorts = new SortHeaders("/console/prevention/handovers",
                filter.isEmpty() ? Map.of() : Map.of("state", filter), order);
        String next = page.nextCursor() == null ? null : sorts.next(page.nextCursor());
        return PreventionProgrammesResource.html(200, pages.render(handovers, List.of(pages.clearance()))
                .data("handovers", page.items()).data("sorts", sorts).data("next", next)
                .data("states", HANDOVER_STATES).data("state", filter).render());
    }

    @GET
    @Path("/handovers/new")
    public Response newHandover(@QueryParam("participant") String participant) {
        gate.requireStaff();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participantCode", participant == null ? "" : participant.trim());
        values.put("recipientAgency", "");
        values.put("purpose", "");
        values.put("legalBasis", "");
        values.put("summary", "");
        values.put("includeIdentity", false);
        return PreventionProgrammesResource.html(200, pages.render(newHandover, List.of(pages.clearance()))
                .data("values", values).data("errors", Map.of()).data("detail", null).render());
    }

    @POST
    @Path("/handovers")
    public Response requestHandover(@RestForm String participantCode, @RestForm String recipientAgency,
            @RestForm String purpose, @RestForm String legalBasis, @RestForm String summary,
            @RestForm String includeIdentity) {
        gate.requireStaff();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participantCode", participantCode == null ? "" : participantCode.trim());
        values.put("recipientAgency", recipientAgency == null ? "" : recipientAgency.trim());
        values.put("purpose", purpose == null ? "" : purpose);
        values.put("legalBasis", legalBasis == null ? "" : legalBasis);
        values.put("summary", summary == null ? "" : summary);
        values.put("includeIdentity", includeIdentity != null);
        try {
            Referral.Handover created = prevention.requestHandover(new Requests.Handover(
                    PreventionProgrammesResource.blankToNull(participantCode),
                    PreventionProgrammesResource.blankToNull(recipientAgency), PreventionProgrammesResource.blankToNull(purpose),
                    PreventionProgrammesResource.blankToNull(legalBasis), PreventionProgrammesResource.blankToNull(summary),
                    includeIdentity != null));
            return Redirects.seeOther("/console/prevention/handovers/" + created.id() + "?done=requested").build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status != 404 && !FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            Map<String, String> errors = new LinkedHashMap<>(refusal.fieldErrors());
            String detail = refusal.detail();
            if (status == 404) {
                errors.put("participantCode", "unknown");
                detail = null;
            }
            return PreventionProgrammesResource.html(status == 404 ? 422 : status,
                    pages.render(newHandover, List.of(pages.clearance())).data("values", values)
                            .data("errors", errors).data("detail", detail).render());
        }
    }

    @GET
    @Path("/handovers/{id}")
    public Response handover(@PathParam("id") UUID id, @QueryParam("done") String done) {
        gate.requireStaff();
        return handoverPage(id, done, null, 200);
    }

    @POST
    @Path("/handovers/{id}/decision")
    public Response decideHandover(@PathParam("id") UUID id, @RestForm String decision, @RestForm String reason) {
        gate.requireStaff();
        try {
            Referral.Handover decided = prevention.decideHandover(id, new Requests.Decision(
                    PreventionProgrammesResource.blankToNull(decision), PreventionProgrammesResource.blankToNull(reason),
                    null));
            return Redirects.seeOther("/console/prevention/handovers/" + id + "?done=" + decided.status().toLowerCase())
                    .build();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            return handoverPage(id, null, refusal(refused), status);
        }
    }

    private Response handoverPage(UUID id, String done, String refusal, int status) {
        Referral.Handover found = prevention.handover(id);
        String me = gate.subject();
        return PreventionProgrammesResource.html(status, pages.render(handover, List.of(pages.clearance()))
                .data("handover", found).data("done", done).data("refusal", refusal)
                .data("deciding", gate.supervisor())
                .data("own", me != null && me.equals(found.requestedBy())).render());
    }

    private static String refusal(WebApplicationException refused) {
        ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
        if (!refusal.fieldErrors().isEmpty()) {
            StringBuilder text = new StringBuilder();
            refusal.fieldErrors().forEach((field, message) -> text.append(field).append(": ").append(message)
                    .append(". "));
            return text.toString().trim();
        }
        return refusal.detail() == null ? "" : refusal.detail();
    }
}
