package org.yaqaza.console.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.console.api.AuditEventView;
import org.yaqaza.console.api.ChainStatus;
import org.yaqaza.console.api.Page;

/**
 * The audit API every service exposes at {@code /api/<service>/audit} (the gateway's own included), through the
 * gateway, as the signed-in user. {@code service} is one of {@code AuditPagesResource.SERVICES}, never user text.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(UserToken.class)
@Path("/api")
public interface AuditApi {

    @GET
    @Path("/{service}/audit")
    Page<AuditEventView> trail(@PathParam("service") String service, @QueryParam("actor") String actor,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/{service}/audit/verify")
    ChainStatus verify(@PathParam("service") String service);
}
