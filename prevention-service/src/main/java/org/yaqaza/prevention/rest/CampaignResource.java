package org.yaqaza.prevention.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.CampaignRequest;
import org.yaqaza.prevention.api.CampaignView;
import org.yaqaza.prevention.api.ContentRequest;
import org.yaqaza.prevention.api.ContentView;
import org.yaqaza.prevention.api.ReachRequest;
import org.yaqaza.prevention.api.ReachTotal;
import org.yaqaza.prevention.mapping.CampaignMapper;
import org.yaqaza.prevention.service.CampaignService;

/** Outreach campaigns (managed by prevention staff) and reach statistics (open to the intelligence roles too). */
@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR })
public class CampaignResource {

    private final CampaignService service;
    private final CurrentCaller caller;

    public CampaignResource(CampaignService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/programmes/{id}/campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response create(@PathParam("id") UUID programmeId, @Valid @NotNull CampaignRequest request) {
        return Response.status(201).entity(CampaignMapper.toView(service.create(caller.get(), programmeId, request)))
                .build();
    }

    @GET
    @Path("/programmes/{id}/campaigns")
    public List<CampaignView> list(@PathParam("id") UUID programmeId) {
        return service.ofProgramme(caller.get(), programmeId).stream().map(CampaignMapper::toView).toList();
    }

    @GET
    @Path("/campaigns/{id}")
    public CampaignView get(@PathParam("id") UUID id) {
        return CampaignMapper.toView(service.get(caller.get(), id));
    }

    @POST
    @Path("/campaigns/{id}/content")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response addContent(@PathParam("id") UUID id, @Valid @NotNull ContentRequest request) {
        return Response.status(201).entity(CampaignMapper.toView(service.addContent(caller.get(), id, request)))
                .build();
    }

    @GET
    @Path("/campaigns/{id}/content")
    public List<ContentView> content(@PathParam("id") UUID id) {
        return service.content(caller.get(), id).stream().map(CampaignMapper::toView).toList();
    }

    @POST
    @Path("/campaigns/{id}/reach")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response reach(@PathParam("id") UUID id, @Valid @NotNull ReachRequest request) {
        service.reach(caller.get(), id, request);
        return Response.status(201).entity(service.totals(caller.get(), id, null, null)).build();
    }

    @GET
    @Path("/campaigns/{id}/reach-totals")
    @RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.AUDITOR })
    public List<ReachTotal> campaignTotals(@PathParam("id") UUID id) {
        return service.totals(caller.get(), id, null, null);
    }

    /** Reach by region and month over every visible campaign. */
    @GET
    @Path("/statistics/outreach")
    @RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.AUDITOR })
    public List<ReachTotal> totals(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.totals(caller.get(), null, from, to);
    }
}
