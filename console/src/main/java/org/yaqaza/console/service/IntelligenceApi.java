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
import org.yaqaza.console.api.AlertView;
import org.yaqaza.console.api.AnnualStatistics;
import org.yaqaza.console.api.Count;
import org.yaqaza.console.api.EntityView;
import org.yaqaza.console.api.GraphView;
import org.yaqaza.console.api.NewReport;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.ReportView;
import org.yaqaza.console.api.ScreeningRequest;
import org.yaqaza.console.api.ScreeningResult;
import org.yaqaza.console.api.SearchHit;
import org.yaqaza.console.api.StatusChange;
import org.yaqaza.console.api.WatchRequest;

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

    @GET
    @Path("/reports")
    Page<ReportView> reportsNaming(@QueryParam("entity") String entityId, @QueryParam("limit") int limit);

    @GET
    @Path("/entities/{id}")
    EntityView entity(@PathParam("id") String id);

    @GET
    @Path("/entities/{id}/status-history")
    List<StatusChange> statusHistory(@PathParam("id") String id);

    @GET
    @Path("/entities/{id}/graph")
    GraphView graph(@PathParam("id") String id, @QueryParam("depth") int depth);

    @GET
    @Path("/graph/path")
    GraphView path(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/alerts")
    List<AlertView> alerts(@QueryParam("unread") boolean unreadOnly, @QueryParam("type") String type,
            @QueryParam("sort") String sort, @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/alerts/count")
    Count unreadAlerts();

    @POST
    @Path("/alerts/{id}/read")
    void markRead(@PathParam("id") String id);

    @POST
    @Path("/watchlist")
    @Consumes(MediaType.APPLICATION_JSON)
    void watch(WatchRequest request);

    @GET
    @Path("/statistics/annual")
    @Produces(MediaType.APPLICATION_JSON)
    AnnualStatistics annual(@QueryParam("from") Integer from, @QueryParam("to") Integer to);

    @GET
    @Path("/statistics/annual.svg")
    @Produces("image/svg+xml")
    String annualChart(@QueryParam("from") Integer from, @QueryParam("to") Integer to);

    @POST
    @Path("/screening")
    @Consumes(MediaType.APPLICATION_JSON)
    ScreeningResult screen(ScreeningRequest request);

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    ReportView file(NewReport report);
}
