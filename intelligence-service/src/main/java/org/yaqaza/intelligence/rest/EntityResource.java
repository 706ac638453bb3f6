package org.yaqaza.intelligence.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Count;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.Cell;
import org.yaqaza.intelligence.api.EntityRequest;
import org.yaqaza.intelligence.api.EntityView;
import org.yaqaza.intelligence.api.Graph;
import org.yaqaza.intelligence.api.RelationshipView;
import org.yaqaza.intelligence.api.StatusChangeRequest;
import org.yaqaza.intelligence.graph.GraphService;
import org.yaqaza.intelligence.mapping.EntityMapper;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.service.EntityService;
import org.yaqaza.intelligence.service.RelationshipService;

@Path("/api/intelligence/entities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR })
public class EntityResource {

    private final EntityService service;
    private final RelationshipService relationships;
    private final GraphService graph;
    private final CurrentCaller caller;

    public EntityResource(EntityService service, RelationshipService relationships, GraphService graph,
            CurrentCaller caller) {
        this.service = service;
        this.relationships = relationships;
        this.graph = graph;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response create(@Valid @NotNull EntityRequest request) {
        EntityView view = EntityMapper.toView(service.create(caller.get(), request));
        return ETags.created(URI.create("/api/intelligence/entities/" + view.id()), view, view.version());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        EntityView view = EntityMapper.toView(service.get(caller.get(), id));
        return ETags.ok(view, view.version());
    }

    /** Newest first; {@code name} matches any name of the entity (Arabic-normalised, partial). */
    /** The orders of the entity list. */
    public static final Sorting<IntelEntity> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.text("displayName", "displayName", r -> r.displayName));

    @GET
    public Page<EntityView> list(@QueryParam("kind") String kind, @QueryParam("name") String name,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, displayName"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), kind(kind), name, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(EntityMapper::toView);
    }

    @GET
    @Path("/count")
    public Count count(@QueryParam("kind") String kind) {
        return new Count(service.count(caller.get(), kind(kind)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EntityRequest request) {
        EntityView view = EntityMapper.toView(service.update(caller.get(), id, request,
                Versions.fromIfMatch(ifMatch)));
        return ETags.ok(view, view.version());
    }

    /**
     * Organisation life cycle: suspected -> active -> under surveillance (409 otherwise); dismantled only through
     * an approved intervention (422 naming its route).
     */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public EntityView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChangeRequest request) {
        return EntityMapper.toView(service.changeStatus(caller.get(), id, request.status(), request.effectiveDate()));
    }

    @GET
    @Path("/{id}/status-history")
    public List<EntityService.StatusChange> statusHistory(@PathParam("id") UUID id) {
        return service.statusHistory(caller.get(), id);
    }

    @GET
    @Path("/{id}/relationships")
    public Page<RelationshipView> relationships(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return relationships.ofEntity(caller.get(), id, PageRequest.of(cursor, limit));
    }

    /** Nodes and edges up to {@code depth} hops (1 to 3); 422 when the neighbourhood exceeds the size bound. */
    @GET
    @Path("/{id}/graph")
    public Graph graph(@PathParam("id") UUID id, @QueryParam("depth") @DefaultValue("1") String depth) {
        int d;
        try {
            d = Integer.parseInt(depth);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Invalid depth", "depth must be 1 to 3.", "depth");
        }
        return graph.neighbourhood(caller.get(), id, d);
    }

    /** Members, leaders and external links of an organisation. */
    @GET
    @Path("/{id}/cell")
    public Cell cell(@PathParam("id") UUID id) {
        return graph.cell(caller.get(), id);
    }

    static EntityKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return EntityKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Invalid kind", "kind must be PERSON, ORGANISATION, LOCATION or EVENT.",
                    "kind");
        }
    }
}
