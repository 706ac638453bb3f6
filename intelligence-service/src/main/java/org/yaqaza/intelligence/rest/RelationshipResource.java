package org.yaqaza.intelligence.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.RelationshipRequest;
import org.yaqaza.intelligence.api.RelationshipView;
import org.yaqaza.intelligence.service.RelationshipService;

@Path("/api/intelligence/relationships")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR })
public class RelationshipResource {

    private final RelationshipService service;
    private final CurrentCaller caller;

    public RelationshipResource(RelationshipService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response create(@Valid @NotNull RelationshipRequest request) {
        var rel = service.create(caller.get(), request);
        RelationshipView view = service.get(caller.get(), rel.id);
        return Response.created(URI.create("/api/intelligence/relationships/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public RelationshipView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response delete(@PathParam("id") UUID id) {
        service.delete(caller.get(), id);
        return Response.noContent().build();
    }
}
