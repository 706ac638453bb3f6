package org.yaqaza.console.service;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.console.api.LiaisonViews;
import org.yaqaza.console.api.Page;

/** The liaison API (and the products it releases), through the gateway, as the signed-in liaison officer. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(UserToken.class)
@Path("/api")
public interface LiaisonApi {

    @GET
    @Path("/liaison/partners")
    Page<LiaisonViews.Partner> partners(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/liaison/partners/{id}/agreements")
    List<LiaisonViews.Agreement> agreements(@PathParam("id") String partnerId);

    @GET
    @Path("/intelligence/products")
    Page<LiaisonViews.Product> products(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("/liaison/releases/check")
    @Consumes(MediaType.APPLICATION_JSON)
    LiaisonViews.Check check(LiaisonViews.ReleaseRequest request);

    @POST
    @Path("/liaison/releases")
    @Consumes(MediaType.APPLICATION_JSON)
    LiaisonViews.Release draft(LiaisonViews.ReleaseRequest request);

    @POST
    @Path("/liaison/releases/{id}/submit")
    LiaisonViews.Release submit(@PathParam("id") String id);

    @GET
    @Path("/liaison/releases")
    Page<LiaisonViews.Release> releases(@QueryParam("status") String status, @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/liaison/warnings")
    Page<LiaisonViews.Warning> warnings(@QueryParam("precedence") String precedence,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/liaison/rfis")
    Page<LiaisonViews.Rfi> rfis(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/liaison/outgoing-rfis")
    Page<LiaisonViews.OutgoingRfi> outgoingRfis(@QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @POST
    @Path("/liaison/outgoing-rfis")
    @Consumes(MediaType.APPLICATION_JSON)
    LiaisonViews.OutgoingRfi sendRfi(LiaisonViews.OutgoingRfiRequest request);

    @POST
    @Path("/liaison/outgoing-rfis/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    LiaisonViews.OutgoingRfi withdrawRfi(@PathParam("id") String id, LiaisonViews.WithdrawRequest request);

    @GET
    @Path("/liaison/incoming")
    Page<LiaisonViews.Submission> incoming(@QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/liaison/statistics/annual")
    @Produces(MediaType.APPLICATION_JSON)
    LiaisonViews.Statistics statistics(@QueryParam("year") int year);

    @GET
    @Path("/liaison/statistics/annual")
    @Produces("image/svg+xml")
    String statisticsChart(@QueryParam("year") int year);
}
