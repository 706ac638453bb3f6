package org.yaqaza.console.service;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.console.api.EntityView;
import org.yaqaza.console.api.NewReport;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.ReportView;
import org.yaqaza.console.api.SearchHit;

/** The intelligence API, through the gateway, as the signed-in user. */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(UserToken.class)
@Path("/api/intelligence")
public interface IntelligenceApi {

    @GET
    @Path("/reports/search")
    Page<SearchHit> search(@QueryParam("q") String query, @QueryParam("language") String language,
            @QueryParam("classification") String classification, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/reports/{id}")
    ReportView report(@PathParam("id") String id);

    @GET
    @Path("/reports/{id}/mentions")
    List<EntityView> mentions(@PathParam("id") String id);

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    ReportView file(NewReport report);
}
