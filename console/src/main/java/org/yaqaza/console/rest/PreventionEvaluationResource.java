package org.yaqaza.console.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.yaqaza.console.api.prevention.EditionSummary;
import org.yaqaza.console.api.prevention.Evaluation;
import org.yaqaza.console.api.prevention.ProgrammeSummary;
import org.yaqaza.console.service.PreventionApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.PreventionGate;
import org.yaqaza.console.web.SurvivalPlot;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The evaluation of a programme (overall and per edition) or of one edition: completion, re-offence rates and the
 * Kaplan–Meier curve of time to re-offence after release with its 95 % band and the numbers at risk, drawn by the
 * console (web/SurvivalPlot) and listed in tables. Prevention staff only in the console (the API also answers
 * intelligence roles with disclosure-controlled figures; the firewall keeps these pages from them all the same).
 * Figures of records of any marking the user may see: the page is marked at the user's clearance.
 */
@Path("/prevention")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PreventionEvaluationResource {

    private final PreventionApi prevention;
    private final Pages pages;
    private final PreventionGate gate;
    private final Template page;

    public PreventionEvaluationResource(@RestClient PreventionApi prevention, Pages pages, PreventionGate gate,
            @Location("prevention/evaluation") Template page) {
        this.prevention = prevention;
        this.pages = pages;
        this.gate = gate;
        this.page = page;
    }

    @GET
    @Path("/programmes/{id}/evaluation")
    public Response programme(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        gate.requireStaff();
        ProgrammeSummary programme = prevention.programme(id);
        return evaluation(programme, null, asOf, "/console/prevention/programmes/" + id + "/evaluation");
    }

    @GET
    @Path("/editions/{id}/evaluation")
    public Response edition(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        gate.requireStaff();
        EditionSummary edition = prevention.edition(id);
        ProgrammeSummary programme = prevention.programme(edition.programmeId());
        return evaluation(programme, edition, asOf, "/console/prevention/editions/" + id + "/evaluation");
    }

    private Response evaluation(ProgrammeSummary programme, EditionSummary edition, String asOf, String action) {
        Map<String, String> errors = new LinkedHashMap<>();
        String date = asOf == null || asOf.isBlank() ? null : asOf.trim();
        if (date != null) {
            PreventionProgrammesResource.date(date, "asOf", errors);
        }
        Evaluation evaluation = null;
        int status = 200;
        if (errors.isEmpty()) {
            try {
                evaluation = edition == null ? prevention.programmeEvaluation(programme.id(), date)
                        : prevention.editionEvaluation(edition.id(), date);
            } catch (WebApplicationException refused) {
                if (refused.getResponse().getStatus() != 400) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                if (errors.isEmpty()) {
                    errors.put("asOf", refusal.detail());
                }
            }
        }
        if (!errors.isEmpty()) {
            status = 400;
        }
        return PreventionProgrammesResource.html(status,
                pages.render(page, List.of(programme.classification(), pages.clearance()))
                        .data("programme", programme).data("edition", edition).data("evaluation", evaluation)
                        .data("plot", evaluation == null ? null : SurvivalPlot.of(evaluation))
                        .data("asOf", date == null ? (evaluation == null ? "" : evaluation.asOf().toString()) : date)
                        .data("today", LocalDate.now().toString())
                        .data("action", action).data("errors", errors).render());
    }
}
