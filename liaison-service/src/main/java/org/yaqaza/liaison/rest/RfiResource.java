package org.yaqaza.liaison.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.AssignRequest;
import org.yaqaza.liaison.api.ReasonRequest;
import org.yaqaza.liaison.api.RfiAnswerRequest;
import org.yaqaza.liaison.api.RfiView;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.model.Rfi;
import org.yaqaza.liaison.model.RfiStatus;
import org.yaqaza.liaison.service.RfiService;

/** Partners' requests for information, as liaison officers work them. */
@Path("/api/liaison/rfis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class RfiResource {

    private final RfiService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public RfiResource(RfiService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    /** The orders of the RFI lists. */
    public static final Sorting<Rfi> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("dueDate", "dueDate", LocalDate.class, r -> r.dueDate),
            SortField.text("subject", "subject", r -> r.subject),
            SortField.text("partner", "partnerCode", r -> r.partnerCode),
            SortField.of("status", "status", RfiStatus.class, r -> r.status));

    @GET
    public Page<RfiView> list(@QueryParam("status") RfiStatus status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, dueDate, subject, partner, status"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        LocalDate today = today();
        return service.list(caller.get(), status, false, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(r -> LiaisonMapper.rfi(r, today));
    }

    /** Open RFIs past their due date. */
    @GET
    @Path("/overdue")
    public Page<RfiView> overdue(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, dueDate, subject, partner, status"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        LocalDate today = today();
        return service.list(caller.get(), null, true, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(r -> LiaisonMapper.rfi(r, today));
    }

    @GET
    @Path("/{id}")
    public RfiView get(@PathParam("id") UUID id) {
        return LiaisonMapper.rfi(service.get(caller.get(), id), today());
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public RfiView assign(@PathParam("id") UUID id, @Valid @NotNull AssignRequest request) {
        return LiaisonMapper.rfi(service.assign(caller.get(), id, request.assignee()), today());
    }

    /** Answers with a release to the requesting partner (all release checks apply). */
    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public RfiView answer(@PathParam("id") UUID id, @Valid @NotNull RfiAnswerRequest request) {
        return LiaisonMapper.rfi(service.answer(caller.get(), id, request), today());
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public RfiView decline(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return LiaisonMapper.rfi(service.decline(caller.get(), id, request.reason()), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
