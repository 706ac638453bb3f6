package org.yaqaza.console.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** An entity's neighbourhood, or a path ({@code found}), as far as the user may see it. */
@TemplateData
public record GraphView(String rootId, Integer depth, Boolean found, Integer length, List<Node> nodes,
        List<Edge> edges) {

    @TemplateData
    public record Node(String id, String kind, String displayName, int distance, String classification) {
    }

    @TemplateData
    public record Edge(String id, String sourceId, String targetId, String type, int confidence) {
    }
}
