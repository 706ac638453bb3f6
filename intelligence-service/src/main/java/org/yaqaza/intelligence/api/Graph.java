package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

/** The neighbourhood of an entity up to {@code depth} hops, as far as the caller may see it. */
public record Graph(UUID rootId, int depth, List<GraphNode> nodes, List<GraphEdge> edges) {
}
