package org.yaqaza.intelligence.rest;

import java.util.List;
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
import org.yaqaza.intelligence.alert.WatchService;
import org.yaqaza.intelligence.api.WatchRequest;

@Path("/api/intelligence/watchlist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class WatchlistResource {

    private final WatchService watches;
    private final CurrentCaller caller;

    public WatchlistResource(WatchService watches, CurrentCaller caller) {
        this.watches = watches;
        this.caller = caller;
    }

    @GET
    public List<WatchService.Watched> list() {
        return watches.list(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response watch(@Valid @NotNull WatchRequest request) {
        return Response.status(201).entity(watches.watch(caller.get(), request.entityId())).build();
    }

    @DELETE
    @Path("/{entityId}")
    public Response unwatch(@PathParam("entityId") UUID entityId) {
        watches.unwatch(caller.get(), entityId);
        return Response.noContent().build();
    }
}
