package org.yaqaza.liaison.rest;

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
import org.yaqaza.liaison.api.ConsentRequest;
import org.yaqaza.liaison.api.ConsentView;
import org.yaqaza.liaison.api.ReasonRequest;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.service.ConsentService;

/**
 * Third-party consent records: recorded PENDING by a liaison officer, approved or rejected by a supervisor of the same
 * agency who did not record them (four-eyes), revocable.
 */
@Path("/api/liaison/consents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class ConsentResource {

    private final ConsentService service;
    private final CurrentCaller caller;

    public ConsentResource(ConsentService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response record(@Valid @NotNull ConsentRequest request) {
        ConsentView view = LiaisonMapper.consent(service.record(caller.get(), request));
        return Response.created(URI.create("/api/liaison/consents/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public ConsentView get(@PathParam("id") UUID id) {
        return LiaisonMapper.consent(service.get(caller.get(), id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.SUPERVISOR)
    public ConsentView approve(@PathParam("id") UUID id) {
        return LiaisonMapper.consent(service.approve(caller.get(), id));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Role.SUPERVISOR)
    public ConsentView reject(@PathParam("id") UUID id) {
        return LiaisonMapper.consent(service.reject(caller.get(), id));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentView revoke(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return LiaisonMapper.consent(service.revoke(caller.get(), id, request.reason()));
    }

    @GET
    public List<ConsentView> list(@QueryParam("originator") String originator,
            @QueryParam("recipient") String recipient) {
        return service.list(caller.get(), originator, recipient).stream().map(LiaisonMapper::consent).toList();
    }
}
