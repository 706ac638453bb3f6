package org.yaqaza.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.yaqaza.console.api.EntityView;
import org.yaqaza.console.api.GraphView;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.ReportView;
import org.yaqaza.console.api.StatusChange;
import org.yaqaza.console.service.IntelligenceApi;
import org.yaqaza.console.web.Marking;
import org.yaqaza.console.web.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * An entity: its names in every script, identifiers, status history, the reports naming it, and its link graph
 * (listed on the page, drawn and expandable with Cytoscape from {@code graph.json}), with the path to another
 * entity of the graph.
 */
@Path("/entities")
@Authenticated
@Blocking
public class EntityPagesResource {

    private static final int GRAPH_DEPTH = 2;
    private static final int RELATED_REPORTS = 20;

    private final IntelligenceApi intelligence;
    private final Pages pages;
    private final Template entity;

    public EntityPagesResource(@RestClient IntelligenceApi intelligence, Pages pages,
            @Location("entities/entity") Template entity) {
        this.intelligence = intelligence;
        this.pages = pages;
        this.entity = entity;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance entity(@PathParam("id") String id, @QueryParam("to") String to) {
        String entityId = ReportPagesResource.uuidOrNotFound(id);
        EntityView found = intelligence.entity(entityId);
        GraphView graph = intelligence.graph(entityId, GRAPH_DEPTH);
        Page<ReportView> reports = intelligence.reportsNaming(entityId, RELATED_REPORTS);
        List<StatusChange> history = "ORGANISATION".equals(found.kind()) ? intelligence.statusHistory(entityId)
                : List.of();
        GraphView path = null;
        if (to != null && !to.isBlank()) {
            path = intelligence.path(entityId, ReportPagesResource.uuidOrNotFound(to));
        }
        List<String> shown = new ArrayList<>();
        shown.add(found.classification());
        graph.nodes().forEach(node -> shown.add(node.classification()));
        reports.items().forEach(report -> shown.add(report.classification()));
        if (path != null && path.nodes() != null) {
            path.nodes().forEach(node -> shown.add(node.classification()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        graph.nodes().forEach(node -> names.put(node.id(), node.displayName()));
        return pages.render(entity, shown)
                .data("entity", found)
                .data("graph", graph)
                .data("names", names)
                .data("history", history)
                .data("reports", reports.items())
                .data("path", path)
                .data("to", to == null ? "" : to);
    }

    /** The graph for the drawing (Cytoscape elements); depth 1 when a node is expanded. */
    @GET
    @Path("/{id}/graph.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> graph(@PathParam("id") String id, @QueryParam("depth") Integer depth) {
        int hops = depth != null && depth >= 1 && depth <= GRAPH_DEPTH ? depth : 1;
        return elements(intelligence.graph(ReportPagesResource.uuidOrNotFound(id), hops));
    }

    /** The shortest visible path, as the ids to highlight. */
    @GET
    @Path("/{id}/path.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> path(@PathParam("id") String id, @QueryParam("to") String to) {
        GraphView path = intelligence.path(ReportPagesResource.uuidOrNotFound(id),
                ReportPagesResource.uuidOrNotFound(to));
        Map<String, Object> result = elements(path);
        result.put("found", Boolean.TRUE.equals(path.found()));
        return result;
    }

    private static Map<String, Object> elements(GraphView graph) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (GraphView.Node node : graph.nodes()) {
            nodes.add(Map.of("id", node.id(), "label", node.displayName(), "kind", node.kind(), "marking",
                    Marking.parse(node.classification()).name()));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (GraphView.Edge edge : graph.edges()) {
            edges.add(Map.of("id", edge.id(), "source", edge.sourceId(), "target", edge.targetId(), "label",
                    edge.type()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("nodes", nodes);
        result.put("edges", edges);
        return result;
    }
}
