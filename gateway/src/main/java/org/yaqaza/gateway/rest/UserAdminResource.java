package org.yaqaza.gateway.rest;

import java.net.URI;
import java.time.Instant;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
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

/**
 * People in the built-in directory. Users are disabled, never deleted: audit events keep naming them. A change
 * that needs a second administrator (see {@link DirectoryService}) answers 202 with the pending change.
 */
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
    @Operation(summary = "Create a user (202 and a pending change when it grants above RESTRICTED, a compartment "
            + "or admin)")
    public Response create(@Valid @NotNull UserCreate request) {
        return DirectoryChangeResource.answer(directory.createUser(caller.get(), request), created -> {
            UserView user = DirectoryMapper.toView(created);
            return ETags.created(URI.create("/api/admin/users/" + user.username()), user, user.version());
        });
    }

    /** The orders the user list offers; newest first by default, as before sorting existed. */
    public static final Sorting<DirectoryUser> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, u -> u.createdAt),
            SortField.text("username", "username", u -> u.username),
            SortField.text("displayName", "displayName", u -> u.displayName),
            SortField.text("agency", "agency", u -> u.agency));

    @GET
    public Page<UserView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: createdAt, username, displayName or agency, '-' first for descending; "
                    + "default -createdAt") @QueryParam("sort") String sort) {
        return directory.listUsers(PageRequest.sorted(cursor, limit, sort, SORTING)).map(DirectoryMapper::toView);
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
        return DirectoryChangeResource.answer(directory.updateUser(caller.get(), username, request,
                Versions.fromIfMatch(ifMatch)), this::view);
    }

    /** 204 for one's own password; another user's waits for a second administrator (202). */
    @PUT
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("username") String username, @Valid @NotNull PasswordChange request) {
        return DirectoryChangeResource.answer(directory.setPassword(caller.get(), username, request.password()),
                done -> Response.noContent().build());
    }

    @POST
    @Path("/{username}/disable")
    public Response disable(@PathParam("username") String username) {
        return view(directory.disableUser(caller.get(), username));
    }

    /** Lifts the user's sign-in throttling (there is no lock any more; the path keeps its name). */
    @POST
    @Path("/{username}/unlock")
    public Response unlock(@PathParam("username") String username) {
        return view(directory.unlockUser(caller.get(), username));
    }

    private Response view(DirectoryUser user) {
        return ETags.ok(DirectoryMapper.toView(user), user.version);
    }
}
