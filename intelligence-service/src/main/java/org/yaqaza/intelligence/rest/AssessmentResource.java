package org.yaqaza.intelligence.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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
import org.yaqaza.intelligence.api.AssessmentRequest;
import org.yaqaza.intelligence.api.AssessmentView;
import org.yaqaza.intelligence.api.DecisionRequest;
import org.yaqaza.intelligence.mapping.AssessmentMapper;
import org.yaqaza.intelligence.service.AssessmentService;

@Path("/api/intelligence/assessments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class AssessmentResource {

    private final AssessmentService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public AssessmentResource(AssessmentService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull AssessmentRequest request) {
        AssessmentView view = AssessmentMapper.toView(service.create(caller.get(), request));
        return Response.created(URI.create("/api/intelligence/assessments/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public AssessmentView get(@PathParam("id") UUID id) {
        return AssessmentMapper.toView(service.get(caller.get(), id));
    }

    /** The full history of a subject's assessments, newest first. */
    @GET
    public List<AssessmentView> history(@QueryParam("subject") String subject) {
        return service.history(caller.get(), GraphResource.uuid(subject, "subject")).stream()
                .map(AssessmentMapper::toView).toList();
    }

    @GET
    @Path("/overdue")
    public List<AssessmentView> overdue() {
        return service.overdue(caller.get(), LocalDate.now(clock)).stream().map(AssessmentMapper::toView).toList();
    }

    @GET
    @Path("/pending")
    public List<AssessmentView> pending() {
        return service.pending(caller.get()).stream().map(AssessmentMapper::toView).toList();
    }

    /** Four-eyes: a supervisor other than the author. */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR)
    public AssessmentView approve(@PathParam("id") UUID id, @Valid DecisionRequest decision) {
        return AssessmentMapper.toView(service.approve(caller.get(), id, decision == null ? null : decision.note()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR)
    public AssessmentView reject(@PathParam("id") UUID id, @Valid DecisionRequest decision) {
        return AssessmentMapper.toView(service.reject(caller.get(), id, decision == null ? null : decision.note()));
    }
}
