package org.yaqaza.console.service;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.console.api.ClientView;
import org.yaqaza.console.api.DirectoryChangeView;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.UserUpdate;
import org.yaqaza.console.api.UserView;

/** The gateway's directory administration ({@code /api/admin/**}), as the signed-in administrator. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(UserToken.class)
@Path("/api/admin")
public interface AdminApi {

    @GET
    @Path("/users")
    Page<UserView> users(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit,
            @QueryParam("sort") String sort);

    @GET
    @Path("/users/{username}")
    UserView user(@PathParam("username") String username);

    /** 200 with the user when applied, 202 with the pending change when a second administrator must approve. */
    @PUT
    @Path("/users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateUser(@PathParam("username") String username, @HeaderParam("If-Match") String ifMatch,
            UserUpdate update);

    @POST
    @Path("/users/{username}/disable")
    UserView disableUser(@PathParam("username") String username);

    @POST
    @Path("/users/{username}/unlock")
    UserView unlockUser(@PathParam("username") String username);

    @GET
    @Path("/clients")
    Page<ClientView> clients(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit,
            @QueryParam("sort") String sort);

    @GET
    @Path("/clients/{clientId}")
    ClientView client(@PathParam("clientId") String clientId);

    @POST
    @Path("/clients/{clientId}/disable")
    ClientView disableClient(@PathParam("clientId") String clientId);

    @POST
    @Path("/clients/{clientId}/unlock")
    ClientView unlockClient(@PathParam("clientId") String clientId);

    @GET
    @Path("/changes")
    Page<DirectoryChangeView> changes(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/changes/{id}/approve")
    DirectoryChangeView approve(@PathParam("id") String id);

    @POST
    @Path("/changes/{id}/reject")
    DirectoryChangeView reject(@PathParam("id") String id);
}
