package org.yaqaza.liaison.rest;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.AgreementRequest;
import org.yaqaza.liaison.api.AgreementView;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.service.AgreementService;

@Path("/api/liaison/partners/{partnerId}/agreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class AgreementResource {

    private final AgreementService service;
    private final CurrentCaller caller;
    private final Clock clock;

    public AgreementResource(AgreementService service, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response create(@PathParam("partnerId") UUID partnerId, @Valid @NotNull AgreementRequest request) {
        AgreementView created = LiaisonMapper.agreement(service.create(caller.get(), partnerId, request), today());
        URI location = URI.create("/api/liaison/partners/" + partnerId + "/agreements/" + created.id());
        return ETags.created(location, created, created.version());
    }

    @GET
    public List<AgreementView> list(@PathParam("partnerId") UUID partnerId) {
        LocalDate today = today();
        return service.list(caller.get(), partnerId).stream().map(a -> LiaisonMapper.agreement(a, today)).toList();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("partnerId") UUID partnerId, @PathParam("id") UUID id) {
        AgreementView view = LiaisonMapper.agreement(service.get(caller.get(), partnerId, id), today());
        return ETags.ok(view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response update(@PathParam("partnerId") UUID partnerId, @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AgreementRequest request) {
        AgreementView view = LiaisonMapper.agreement(service.update(caller.get(), partnerId, id, request,
                Versions.fromIfMatch(ifMatch)), today());
        return ETags.ok(view, view.version());
    }

    /** Four-eyes: a supervisor who did not propose it puts a higher ceiling or new categories in force. */
    @POST
    @Path("/{id}/widening/approve")
    @RolesAllowed(Role.SUPERVISOR)
    public AgreementView approveWidening(@PathParam("partnerId") UUID partnerId, @PathParam("id") UUID id) {
        return LiaisonMapper.agreement(service.approveWidening(caller.get(), partnerId, id), today());
    }

    @POST
    @Path("/{id}/widening/reject")
    @RolesAllowed(Role.SUPERVISOR)
    public AgreementView rejectWidening(@PathParam("partnerId") UUID partnerId, @PathParam("id") UUID id) {
        return LiaisonMapper.agreement(service.rejectWidening(caller.get(), partnerId, id), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
