package org.yaqaza.liaison.rest;

import java.net.URI;
import java.time.Instant;
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

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.EscalationView;
import org.yaqaza.liaison.api.ReasonRequest;
import org.yaqaza.liaison.api.WarningRequest;
import org.yaqaza.liaison.api.WarningView;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.model.Escalation;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Warning;
import org.yaqaza.liaison.model.WarningStatus;
import org.yaqaza.liaison.service.WarningService;

@Path("/api/liaison")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class WarningResource {

    private final WarningService service;
    private final CurrentCaller caller;

    public WarningResource(WarningService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/warnings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response issue(@Valid @NotNull WarningRequest request) {
        WarningView view = LiaisonMapper.warning(service.issue(caller.get(), request));
        return Response.created(URI.create("/api/liaison/warnings/" + view.id())).entity(view).build();
    }

    /**
     * The orders of the warning list; a warning not yet issued has no deadline and sorts by its creation.
     * Precedence names sort FLASH, IMMEDIATE, PRIORITY, ROUTINE: most urgent first when ascending.
     */
    public static final Sorting<Warning> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("deadline", "coalesce(deadlineAt, createdAt)", Instant.class,
                    r -> r.deadlineAt != null ? r.deadlineAt : r.createdAt),
            SortField.of("precedence", "precedence", Precedence.class, r -> r.precedence),
            SortField.text("title", "title", r -> r.title),
            SortField.text("partner", "partnerCode", r -> r.partnerCode),
            SortField.of("status", "status", WarningStatus.class, r -> r.status));

    @GET
    @Path("/warnings")
    public Page<WarningView> list(@QueryParam("precedence") Precedence precedence,
            @QueryParam("acknowledged") Boolean acknowledged, @QueryParam("status") WarningStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, deadline, precedence, title, partner, status"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), precedence, acknowledged, status,
                PageRequest.sorted(cursor, limit, sort, SORTING)).map(LiaisonMapper::warning);
    }

    @GET
    @Path("/warnings/{id}")
    public WarningView get(@PathParam("id") UUID id) {
        return LiaisonMapper.warning(service.get(caller.get(), id));
    }

    /** Four-eyes on a SECRET+ warning: a supervisor other than its author issues it to the partner. */
    @POST
    @Path("/warnings/{id}/approve")
    @RolesAllowed(Role.SUPERVISOR)
    public WarningView approve(@PathParam("id") UUID id) {
        return LiaisonMapper.warning(service.approve(caller.get(), id));
    }

    @POST
    @Path("/warnings/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR)
    public WarningView reject(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return LiaisonMapper.warning(service.reject(caller.get(), id, request.reason()));
    }

    /** Escalation events: warnings that missed their acknowledgement deadline. */
    @GET
    @Path("/escalations")
    public List<EscalationView> escalations(@QueryParam("warningId") UUID warningId,
            @QueryParam("limit") Integer limit) {
        int size = PageRequest.of(null, limit).limit();
        return service.escalations(caller.get(), warningId, size).stream()
                .map(row -> LiaisonMapper.escalation((Escalation) row[0], (Warning) row[1])).toList();
    }
}
