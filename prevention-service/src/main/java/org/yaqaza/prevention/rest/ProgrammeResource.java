package org.yaqaza.prevention.rest;

import java.net.URI;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.persistence.Count;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.ProgrammeRequest;
import org.yaqaza.prevention.api.ProgrammeView;
import org.yaqaza.prevention.mapping.ProgrammeMapper;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.service.ProgrammeService;

@Path("/api/prevention/programmes")
@Produces(MediaType.APPLICATION_JSON)
// the prevention firewall: intelligence and liaison roles never reach programme data
@RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR })
public class ProgrammeResource {

    private final ProgrammeService service;
    private final CurrentCaller caller;

    public ProgrammeResource(ProgrammeService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response create(@Valid @NotNull ProgrammeRequest request) {
        ProgrammeView created = ProgrammeMapper.toView(service.create(caller.get(), request));
        return Response.created(URI.create("/api/prevention/programmes/" + created.id()))
                .tag(Long.toString(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        ProgrammeView programme = ProgrammeMapper.toView(service.get(caller.get(), id));
        return Response.ok(programme).tag(Long.toString(programme.version())).build();
    }

    @GET
    public Page<ProgrammeView> list(@QueryParam("kind") ProgrammeKind kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), kind, PageRequest.of(cursor, limit)).map(ProgrammeMapper::toView);
    }

    @GET
    @Path("/count")
    public Count count(@QueryParam("kind") ProgrammeKind kind) {
        return new Count(service.count(caller.get(), kind));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProgrammeRequest request) {
        Long version = Versions.fromIfMatch(ifMatch);
        ProgrammeView updated = ProgrammeMapper.toView(service.update(caller.get(), id, request, version));
        return Response.ok(updated).tag(Long.toString(updated.version())).build();
    }
}
