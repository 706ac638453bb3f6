package org.yaqaza.liaison.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.OutgoingRfiRequest;
import org.yaqaza.liaison.api.OutgoingRfiView;
import org.yaqaza.liaison.api.WithdrawRequest;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.model.OutgoingRfi;
import org.yaqaza.liaison.model.OutgoingRfiStatus;
import org.yaqaza.liaison.service.OutgoingRfiService;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Requests for information we send to partners (the partner answers through the partner API). */
@Path("/api/liaison/outgoing-rfis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class OutgoingRfiResource {

    private final OutgoingRfiService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public OutgoingRfiResource(OutgoingRfiService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    /** Through the release checks for the partner (agreement, ceiling, category): 422 with the rule otherwise. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response send(@Valid @NotNull OutgoingRfiRequest request) {
        OutgoingRfiView view = LiaisonMapper.outgoingRfi(service.send(caller.get(), request), today());
        return Response.created(URI.create("/api/liaison/outgoing-rfis/" + view.id())).entity(view).build();
    }

    /**
     * The orders of the outgoing list, as the incoming one's; {@code status} is the stored state (an expired
     * request is stored SENT: it sorts with the sent ones, its due date tells them apart).
     */
    public static final Sorting<OutgoingRfi> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("dueDate", "dueDate", LocalDate.class, r -> r.dueDate),
            SortField.text("subject", "subject", r -> r.subject),
            SortField.text("partner", "partnerCode", r -> r.partnerCode),
            SortField.of("status", "status", OutgoingRfiStatus.class, r -> r.status));

    @GET
    public Page<OutgoingRfiView> list(@QueryParam("status") String status, @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of createdAt, dueDate, subject, partner, status"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        if (status != null && !OutgoingRfiService.STATES.contains(status)) {
            throw ProblemException.badRequest("Invalid status", "status is one of "
                    + String.join(", ", OutgoingRfiService.STATES) + ".", "status");
        }
        LocalDate today = today();
        return service.list(caller.get(), status, partner == null || partner.isBlank() ? null : partner,
                PageRequest.sorted(cursor, limit, sort, SORTING)).map(r -> LiaisonMapper.outgoingRfi(r, today));
    }

    @GET
    @Path("/{id}")
    public OutgoingRfiView get(@PathParam("id") UUID id) {
        return LiaisonMapper.outgoingRfi(service.get(caller.get(), id), today());
    }

    /** {@code {"reason"}}, the reason optional ({@code {}}). */
    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public OutgoingRfiView withdraw(@PathParam("id") UUID id, @Valid @NotNull WithdrawRequest request) {
        return LiaisonMapper.outgoingRfi(service.withdraw(caller.get(), id, request.reason()), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
