package org.yaqaza.gateway.rest;

import java.net.URI;

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

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.PasswordChange;
import org.yaqaza.gateway.api.UserCreate;
import org.yaqaza.gateway.api.UserUpdate;
import org.yaqaza.gateway.api.UserView;
import org.yaqaza.gateway.mapping.DirectoryMapper;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.service.DirectoryService;

/** People in the built-in directory. Users are disabled, never deleted: audit events keep naming them. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class UserAdminResource {

    private final DirectoryService directory;
    private final CurrentCaller caller;

    public UserAdminResource(DirectoryService directory, CurrentCaller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull UserCreate request) {
        UserView user = DirectoryMapper.toView(directory.createUser(actor(), request));
        return ETags.created(URI.create("/api/admin/users/" + user.username()), user, user.version());
    }

    @GET
    public Page<UserView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return directory.listUsers(PageRequest.of(cursor, limit)).map(DirectoryMapper::toView);
    }

    @GET
    @Path("/{username}")
    public Response get(@PathParam("username") String username) {
        return view(directory.getUser(username));
    }

    /** Replaces roles, clearance, compartments, agency, display name and enabled; If-Match (the ETag) required. */
    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("username") String username, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UserUpdate request) {
        return view(directory.updateUser(actor(), username, request, Versions.fromIfMatch(ifMatch)));
    }

    @PUT
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("username") String username, @Valid @NotNull PasswordChange request) {
        directory.setPassword(actor(), username, request.password());
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/disable")
    public Response disable(@PathParam("username") String username) {
        return view(directory.disableUser(actor(), username));
    }

    @POST
    @Path("/{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        return view(directory.unlockUser(actor(), username));
    }

    private Response view(DirectoryUser user) {
        return ETags.ok(DirectoryMapper.toView(user), user.version);
    }

    private AuditActor actor() {
        return AuditActor.of(caller.get());
    }
}
