package org.yaqaza.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.yaqaza.console.api.LiaisonViews;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.service.LiaisonApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.Redirects;
import org.yaqaza.console.web.RoleGate;
import org.yaqaza.console.web.SortHeaders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The liaison officers' RFI page: partners' requests to us (incoming) and ours to partners (outgoing) with their due
 * dates, a form to send one (the liaison API's problems next to the fields) and withdrawal. Liaison officers only.
 */
@Path("/liaison/rfis")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class LiaisonRfiPagesResource {

    static final List<String> OUT_STATES = List.of("SENT", "EXPIRED", "ANSWERED", "WITHDRAWN");
    static final List<String> CATEGORIES = List.of("TERRORISM", "VIOLENT_EXTREMISM", "ORGANISED_CRIME",
            "HUMAN_TRAFFICKING");
    static final List<String> CLASSIFICATIONS = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET",
            "TOP_SECRET");

    private final LiaisonApi api;
    private final Pages pages;
    private final RoleGate gate;
    private final ConsoleConfig config;
    private final Template rfis;

    public LiaisonRfiPagesResource(@RestClient LiaisonApi api, Pages pages, RoleGate gate, ConsoleConfig config,
            @Location("liaison/rfis") Template rfis) {
        this.api = api;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.rfis = rfis;
    }

    /** What the send form holds. */
    @TemplateData
    public record RfiForm(String partner, String subject, String question, String category, String tlp,
            String dueDate, String classification) {

        static RfiForm empty() {
            return new RfiForm(null, "", "", "TERRORISM", "AMBER", "", "RESTRICTED");
        }

        LiaisonViews.OutgoingRfiRequest request() {
            return new LiaisonViews.OutgoingRfiRequest(partner, subject, question, category, tlp, dueDate,
                    classification);
        }
    }

    /** The columns both RFI lists sort by (the API's whitelists; {@code partner} is the partner's code). */
    static final List<String> RFI_SORTS = List.of("subject", "partner", "dueDate", "status");

    /**
     * Two lists on one page, each with its own parameters: incoming {@code status}, {@code sort}, {@code cursor};
     * outgoing {@code outStatus}, {@code outSort}, {@code outCursor}. Sorting or filtering one list keeps the
     * other's filter and order and starts both at their first page (a cursor belongs to the page it came from).
     */
    @GET
    public TemplateInstance page(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @QueryParam("outStatus") String outStatus,
            @QueryParam("outCursor") String outCursor, @QueryParam("outSort") String outSort,
            @QueryParam("sent") String sent, @QueryParam("withdrawn") String withdrawn) {
        gate.require(LiaisonPagesResource.ROLE);
        return render(new Lists(status, cursor, sort, outStatus, outCursor, outSort), RfiForm.empty(), Map.of(),
                null)
                .data("sent", LiaisonPagesResource.blank(sent))
                .data("withdrawn", LiaisonPagesResource.blank(withdrawn));
    }

    /** Sends a request; the API's refusal (invalid fields, the release checks) comes back next to the fields. */
    @POST
    public Response send(@RestForm String partner, @RestForm String subject, @RestForm String question,
            @RestForm String category, @RestForm String tlp, @RestForm String dueDate,
            @RestForm String classification) {
        gate.require(LiaisonPagesResource.ROLE);
        RfiForm form = new RfiForm(LiaisonPagesResource.blank(partner), subject == null ? "" : subject,
                question == null ? "" : question, LiaisonPagesResource.oneOf(CATEGORIES, category),
                LiaisonPagesResource.oneOf(LiaisonPagesResource.TLPS, tlp), LiaisonPagesResource.blank(dueDate),
                LiaisonPagesResource.oneOf(CLASSIFICATIONS, classification));
        try {
            LiaisonViews.OutgoingRfi created = api.sendRfi(form.request());
            return Redirects.seeOther("/console/liaison/rfis?sent=" + created.id()).build();
        } catch (WebApplicationException refused) {
            ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
            if (refusal.status() != 400 && refusal.status() != 422) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>(refusal.fieldErrors());
            // the release checks name the field "partners" (a release has several); this form has one partner
            String checks = errors.remove("partners");
            if (checks != null) {
                errors.put("partner", checks);
            }
            return Response.status(refusal.status())
                    .entity(render(new Lists(null, null, null, null, null, null), form, errors, refusal.detail()))
                    .build();
        }
    }

    @POST
    @Path("/{id}/withdraw")
    public Response withdraw(@PathParam("id") String id, @RestForm String reason) {
        gate.require(LiaisonPagesResource.ROLE);
        api.withdrawRfi(id, new LiaisonViews.WithdrawRequest(LiaisonPagesResource.blank(reason)));
        return Redirects.seeOther("/console/liaison/rfis?withdrawn=" + id).build();
    }

    /** The two lists' parameters as asked. */
    record Lists(String status, String cursor, String sort, String outStatus, String outCursor, String outSort) {
    }

    private TemplateInstance render(Lists asked, RfiForm form, Map<String, String> errors, String detail) {
        String state = LiaisonPagesResource.oneOf(LiaisonPagesResource.RFI_STATES, asked.status());
        String outState = LiaisonPagesResource.oneOf(OUT_STATES, asked.outStatus());
        String order = SortHeaders.oneOf(asked.sort(), RFI_SORTS);
        String outOrder = SortHeaders.oneOf(asked.outSort(), RFI_SORTS);
        Page<LiaisonViews.Rfi> incoming = api.rfis(state, LiaisonPagesResource.blank(asked.cursor()),
                config.pageSize(), order);
        Page<LiaisonViews.OutgoingRfi> outgoing = api.outgoingRfis(outState,
                LiaisonPagesResource.blank(asked.outCursor()), config.pageSize(), outOrder);
        List<LiaisonViews.Partner> partners = api.partners("ACTIVE", null, LiaisonPagesResource.CHOICES, null)
                .items();
        List<String> shown = new ArrayList<>();
        incoming.items().forEach(r -> shown.add(r.classification()));
        outgoing.items().forEach(r -> shown.add(r.classification()));
        Map<String, String> keptByIncoming = new LinkedHashMap<>();
        keptByIncoming.put("status", state);
        keptByIncoming.put("outStatus", outState);
        keptByIncoming.put("outSort", outOrder);
        Map<String, String> keptByOutgoing = new LinkedHashMap<>();
        keptByOutgoing.put("outStatus", outState);
        keptByOutgoing.put("status", state);
        keptByOutgoing.put("sort", order);
        SortHeaders sorts = new SortHeaders("/console/liaison/rfis", keptByIncoming, order);
        SortHeaders outSorts = new SortHeaders("/console/liaison/rfis", keptByOutgoing, outOrder, "outSort",
                "outCursor", "out-sort-");
        return pages.render(rfis, shown)
                .data("items", incoming.items())
                .data("status", state == null ? "" : state)
                .data("states", LiaisonPagesResource.RFI_STATES)
                .data("sorts", sorts)
                .data("outSorts", outSorts)
                .data("next", incoming.nextCursor() == null ? null : sorts.next(incoming.nextCursor()))
                .data("outgoing", outgoing.items())
                .data("outStatus", outState == null ? "" : outState)
                .data("outStates", OUT_STATES)
                .data("outNext", outgoing.nextCursor() == null ? null : outSorts.next(outgoing.nextCursor()))
                .data("partners", partners)
                .data("categories", CATEGORIES)
                .data("tlps", LiaisonPagesResource.TLPS)
                .data("classifications", CLASSIFICATIONS)
                .data("form", form)
                .data("errors", errors)
                .data("detail", detail)
                .data("sent", null)
                .data("withdrawn", null);
    }
}
