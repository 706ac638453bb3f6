package org.yaqaza.intelligence.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
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

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.CaseRequest;
import org.yaqaza.intelligence.api.CaseView;
import org.yaqaza.intelligence.api.InterventionRequest;
import org.yaqaza.intelligence.api.TransitionRequest;
import org.yaqaza.intelligence.model.CaseStatus;
import org.yaqaza.intelligence.model.IntelCase;
import org.yaqaza.intelligence.service.CaseService;

@Path("/api/intelligence/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class CaseResource {

    private final CaseService service;
    private final CurrentCaller caller;

    public CaseResource(CaseService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CaseRequest request) {
        CaseView view = service.get(caller.get(), service.create(caller.get(), request).id);
        return Response.created(URI.create("/api/intelligence/cases/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    /** The orders of the case list. */
    public static final Sorting<IntelCase> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("updatedAt", "updatedAt", Instant.class, r -> r.updatedAt),
            SortField.text("title", "title", r -> r.title));

    @GET
    public Page<CaseView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, updatedAt, title"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        CaseStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = CaseStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Invalid status", "status must be a case status.", "status");
            }
        }
        return service.list(caller.get(), s, PageRequest.sorted(cursor, limit, sort, SORTING));
    }

    /** 409 (listing allowedNext) when the life cycle does not permit the move. */
    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseView transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return service.transition(caller.get(), id, request.to(), request.prosecutionReference(), request.note(),
                request.effectiveDate());
    }

    @POST
    @Path("/{id}/interventions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestIntervention(@PathParam("id") UUID id, @Valid @NotNull InterventionRequest request) {
        return Response.status(201).entity(service.requestIntervention(caller.get(), id, request)).build();
    }

    @POST
    @Path("/{id}/interventions/{interventionId}/approve")
    @RolesAllowed(Role.SUPERVISOR)
    public CaseView approve(@PathParam("id") UUID id, @PathParam("interventionId") UUID interventionId) {
        return service.decideIntervention(caller.get(), id, interventionId, true);
    }

    @POST
    @Path("/{id}/interventions/{interventionId}/reject")
    @RolesAllowed(Role.SUPERVISOR)
    public CaseView reject(@PathParam("id") UUID id, @PathParam("interventionId") UUID interventionId) {
        return service.decideIntervention(caller.get(), id, interventionId, false);
    }
}
