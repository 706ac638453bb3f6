package org.yaqaza.intelligence.rest;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Count;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.EntityView;
import org.yaqaza.intelligence.api.MentionRequest;
import org.yaqaza.intelligence.api.ReportRequest;
import org.yaqaza.intelligence.api.ReportView;
import org.yaqaza.intelligence.api.SearchHit;
import org.yaqaza.intelligence.mapping.EntityMapper;
import org.yaqaza.intelligence.mapping.ReportMapper;
import org.yaqaza.intelligence.model.Report;
import org.yaqaza.intelligence.query.ReportFilter;
import org.yaqaza.intelligence.search.SearchService;
import org.yaqaza.intelligence.service.BulkIngest;
import org.yaqaza.intelligence.service.ReportService;

import io.vertx.core.http.HttpServerResponse;

@Path("/api/intelligence/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR })
public class ReportResource {

    private final ReportService service;
    private final BulkIngest bulk;
    private final SearchService search;
    private final CurrentCaller caller;

    public ReportResource(ReportService service, BulkIngest bulk, SearchService search, CurrentCaller caller) {
        this.service = service;
        this.bulk = bulk;
        this.search = search;
        this.caller = caller;
    }

    /** 201 for a new report; 200 with the first report for a retry carrying the same Idempotency-Key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SERVICE })
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @ConvertGroup(to = ReportRequest.Filing.class) @NotNull ReportRequest request) {
        ReportService.Filed filed = service.create(caller.get(), request, idempotencyKey);
        ReportView view = ReportMapper.toView(filed.report());
        return filed.replayed() ? ETags.ok(view, view.version())
                : ETags.created(URI.create("/api/intelligence/reports/" + view.id()), view, view.version());
    }

    /**
     * NDJSON in, NDJSON out: one result per input line ({"line", "status", "id" | "reason"}), streamed as the
     * batches are stored; the totals follow as HTTP trailers (clients that drop trailers count the lines).
     */
    @POST
    @Path("/bulk")
    @Consumes(MediaTypes.NDJSON)
    @Produces(MediaTypes.NDJSON)
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SERVICE })
    public Response bulk(@HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body,
            @Context HttpServerResponse vertxResponse) {
        Caller who = caller.get();
        BulkIngest.Admission admission = bulk.admit(who, idempotencyKey);
        StreamingOutput results = out -> {
            BulkIngest.Outcome outcome = bulk.ingest(admission, who, idempotencyKey, body, out);
            vertxResponse.putTrailer("X-Bulk-Stored", Integer.toString(outcome.stored()))
                    .putTrailer("X-Bulk-Already-Stored", Integer.toString(outcome.alreadyStored()))
                    .putTrailer("X-Bulk-Rejected", Integer.toString(outcome.rejected()));
        };
        return Response.ok(results, MediaTypes.NDJSON)
                .header("Trailer", "X-Bulk-Stored, X-Bulk-Already-Stored, X-Bulk-Rejected")
                .build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        ReportView report = ReportMapper.toView(service.get(caller.get(), id));
        return ETags.ok(report, report.version());
    }

    /** The orders of the report list (search keeps its relevance order). */
    public static final Sorting<Report> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("collectedAt", "collectedAt", Instant.class, r -> r.collectedAt),
            SortField.text("title", "title", r -> r.title),
            SortField.text("reliability", "reliability", r -> r.reliability));

    @GET
    public Page<ReportView> list(@QueryParam("sourceType") String sourceType,
            @QueryParam("reliability") List<String> reliability, @QueryParam("credibility") List<String> credibility,
            @QueryParam("language") String language, @QueryParam("classification") String classification,
            @QueryParam("collectedFrom") String collectedFrom, @QueryParam("collectedTo") String collectedTo,
            @QueryParam("entity") String entity, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, collectedAt, title, reliability"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        ReportFilter filter = ReportFilter.parse(sourceType, reliability, credibility, language, classification,
                collectedFrom, collectedTo, entity);
        return service.list(caller.get(), filter, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(ReportMapper::toView);
    }

    @GET
    @Path("/count")
    public Count count(@QueryParam("sourceType") String sourceType,
            @QueryParam("reliability") List<String> reliability, @QueryParam("credibility") List<String> credibility,
            @QueryParam("language") String language, @QueryParam("classification") String classification,
            @QueryParam("collectedFrom") String collectedFrom, @QueryParam("collectedTo") String collectedTo,
            @QueryParam("entity") String entity) {
        return new Count(service.count(caller.get(), ReportFilter.parse(sourceType, reliability, credibility,
                language, classification, collectedFrom, collectedTo, entity)));
    }

    /** Ranked full-text search with highlighted snippets; same filters as the list. */
    @GET
    @Path("/search")
    public Page<SearchHit> search(@QueryParam("q") String q, @QueryParam("sourceType") String sourceType,
            @QueryParam("reliability") List<String> reliability, @QueryParam("credibility") List<String> credibility,
            @QueryParam("language") String language, @QueryParam("classification") String classification,
            @QueryParam("collectedFrom") String collectedFrom, @QueryParam("collectedTo") String collectedTo,
            @QueryParam("entity") String entity, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        ReportFilter filter = ReportFilter.parse(sourceType, reliability, credibility, language, classification,
                collectedFrom, collectedTo, entity);
        return search.search(caller.get(), q, filter, PageRequest.of(null, limit == null ? 20 : limit), cursor);
    }

    /**
     * A correction by the owning agency (a collector: their own report, until used): 403 otherwise. Provenance
     * left out keeps its value, changed is 422; a lower marking is 422 naming the downgrade route.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST })
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReportRequest request) {
        Long version = Versions.fromIfMatch(ifMatch);
        ReportView updated = ReportMapper.toView(service.update(caller.get(), id, request, version));
        return ETags.ok(updated, updated.version());
    }

    @GET
    @Path("/{id}/mentions")
    public List<EntityView> mentions(@PathParam("id") UUID id) {
        return service.mentionedEntities(caller.get(), id).stream().map(EntityMapper::toView).toList();
    }

    @POST
    @Path("/{id}/mentions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST })
    public List<EntityView> addMentions(@PathParam("id") UUID id, @Valid @NotNull MentionRequest request) {
        service.mention(caller.get(), id, request.entityIds());
        return mentions(id);
    }
}
