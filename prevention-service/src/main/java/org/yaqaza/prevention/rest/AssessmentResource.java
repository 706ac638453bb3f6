package org.yaqaza.prevention.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import org.yaqaza.prevention.api.AssessmentComparison;
import org.yaqaza.prevention.api.AssessmentDue;
import org.yaqaza.prevention.api.AssessmentRequest;
import org.yaqaza.prevention.api.AssessmentView;
import org.yaqaza.prevention.api.InstrumentRequest;
import org.yaqaza.prevention.api.InstrumentView;
import org.yaqaza.prevention.mapping.AssessmentMapper;
import org.yaqaza.prevention.service.AssessmentService;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.security.PermissionsAllowed;

@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(PreventionAccess.CASE_DATA)
public class AssessmentResource {

    private final AssessmentService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public AssessmentResource(AssessmentService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/instruments")
    public List<InstrumentView> instruments() {
        return service.instruments().stream().map(AssessmentMapper::toView).toList();
    }

    @GET
    @Path("/instruments/{id}")
    public InstrumentView instrument(@PathParam("id") UUID id) {
        return AssessmentMapper.toView(service.instrument(id));
    }

    /** A new instrument, or a new version of an existing code; earlier versions stay for earlier assessments. */
    @POST
    @Path("/instruments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createInstrument(@Valid @NotNull InstrumentRequest request) {
        return Response.status(201).entity(AssessmentMapper.toView(service.createInstrument(caller.get(), request)))
                .build();
    }

    @POST
    @Path("/enrolments/{id}/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assess(@PathParam("id") UUID enrolmentId,
            @Valid @NotNull AssessmentRequest request) {
        return Response.status(201).entity(service.view(service.assess(caller.get(), enrolmentId, request))).build();
    }

    @GET
    @Path("/enrolments/{id}/assessments")
    public List<AssessmentView> ofEnrolment(@PathParam("id") UUID enrolmentId) {
        return service.ofEnrolment(caller.get(), enrolmentId).stream().map(service::view).toList();
    }

    @GET
    @Path("/assessments/due")
    public List<AssessmentDue> due(@QueryParam("asOf") LocalDate asOf) {
        return service.due(caller.get(), asOf == null ? LocalDate.now(clock) : asOf);
    }

    @GET
    @Path("/assessments/{id}")
    public AssessmentView get(@PathParam("id") UUID id) {
        return service.view(service.get(caller.get(), id));
    }

    @GET
    @Path("/assessments/{id}/comparison")
    public AssessmentComparison compare(@PathParam("id") UUID id) {
        return service.compare(caller.get(), id);
    }
}
