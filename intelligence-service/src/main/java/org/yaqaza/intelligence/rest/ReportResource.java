package org.yaqaza.intelligence.rest;

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
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.ReportRequest;
import org.yaqaza.intelligence.api.ReportView;
import org.yaqaza.intelligence.mapping.ReportMapper;
import org.yaqaza.intelligence.model.SourceType;
import org.yaqaza.intelligence.service.ReportFilter;
import org.yaqaza.intelligence.service.ReportService;

@Path("/api/intelligence/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR })
public class ReportResource {

    private final ReportService service;
    private final CurrentCaller caller;

    public ReportResource(ReportService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST })
    public Response create(@Valid @NotNull ReportRequest request) {
        ReportView created = ReportMapper.toView(service.create(caller.get(), request));
        return Response.created(URI.create("/api/intelligence/reports/" + created.id()))
                .tag(Long.toString(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        ReportView report = ReportMapper.toView(service.get(caller.get(), id));
        return Response.ok(report).tag(Long.toString(report.version())).build();
    }

    @GET
    public Page<ReportView> list(@QueryParam("sourceType") SourceType sourceType,
            @QueryParam("language") String language, @QueryParam("classification") Classification classification,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), new ReportFilter(sourceType, language, classification),
                PageRequest.of(cursor, limit)).map(ReportMapper::toView);
    }

    @GET
    @Path("/count")
    public Count count(@QueryParam("sourceType") SourceType sourceType, @QueryParam("language") String language,
            @QueryParam("classification") Classification classification) {
        return new Count(service.count(caller.get(), new ReportFilter(sourceType, language, classification)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST })
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReportRequest request) {
        Long version = Versions.fromIfMatch(ifMatch);
        ReportView updated = ReportMapper.toView(service.update(caller.get(), id, request, version));
        return Response.ok(updated).tag(Long.toString(updated.version())).build();
    }
}
