package org.yaqaza.intelligence.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shortest path; {@code found=false} (and empty lists) when none exists within the searched length. */
@Schema(name = "Path")
public record GraphPath(boolean found, int length, List<GraphNode> nodes, List<GraphEdge> edges) {
}
