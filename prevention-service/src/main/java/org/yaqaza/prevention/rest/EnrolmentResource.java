package org.yaqaza.prevention.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.ApplicationRequest;
import org.yaqaza.prevention.api.EditionView;
import org.yaqaza.prevention.api.EnrolmentView;
import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.api.TransitionRequest;
import org.yaqaza.prevention.api.TransitionView;
import org.yaqaza.prevention.mapping.EnrolmentMapper;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.service.EnrolmentService;
import org.yaqaza.prevention.service.EvaluationService;
import org.yaqaza.prevention.service.ProgrammeService;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.security.PermissionsAllowed;

/** Editions (cohorts), applications to them and the enrolment state machine. */
@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR })
public class EnrolmentResource {

    private final EnrolmentService enrolments;
    private final ProgrammeService programmes;
    private final EvaluationService evaluation;
    private final CurrentCaller caller;

    public EnrolmentResource(EnrolmentService enrolments, ProgrammeService programmes, EvaluationService evaluation,
            CurrentCaller caller) {
        this.enrolments = enrolments;
        this.programmes = programmes;
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @GET
    @Path("/editions/{id}")
    public EditionView edition(@PathParam("id") UUID id) {
        return programmes.view(caller.get(), programmes.visibleEdition(caller.get(), id));
    }

    @POST
    @Path("/editions/{id}/enrolments")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("id") UUID editionId,
            @Valid @NotNull ApplicationRequest request) {
        EnrolmentView created = enrolments.view(caller.get(), enrolments.apply(caller.get(), editionId, request));
        return Response.created(URI.create("/api/prevention/enrolments/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/editions/{id}/enrolments")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public List<EnrolmentView> ofEdition(@PathParam("id") UUID editionId,
            @QueryParam("state") EnrolmentState state) {
        return enrolments.ofEdition(caller.get(), editionId, state).stream().map(e -> enrolments.view(caller.get(), e))
                .toList();
    }

    @GET
    @Path("/enrolments/{id}")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public EnrolmentView get(@PathParam("id") UUID id) {
        return enrolments.view(caller.get(), enrolments.get(caller.get(), id));
    }

    @POST
    @Path("/enrolments/{id}/transitions")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    @Consumes(MediaType.APPLICATION_JSON)
    public EnrolmentView transition(@PathParam("id") UUID id,
            @Valid @NotNull TransitionRequest request) {
        return enrolments.view(caller.get(), enrolments.transition(caller.get(), id, request));
    }

    @GET
    @Path("/enrolments/{id}/transitions")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public List<TransitionView> history(@PathParam("id") UUID id) {
        return enrolments.history(caller.get(), id).stream().map(EnrolmentMapper::toView).toList();
    }

    @GET
    @Path("/editions/{id}/evaluation")
    @RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.AUDITOR })
    public EvaluationView evaluation(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return evaluation.edition(caller.get(), id, evaluation.asOf(asOf));
    }

    @GET
    @Path("/editions/{id}/evaluation.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.AUDITOR })
    public String evaluationChart(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return EvaluationCharts.svg(evaluation.edition(caller.get(), id, evaluation.asOf(asOf)));
    }
}
