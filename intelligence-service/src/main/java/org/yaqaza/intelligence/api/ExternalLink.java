package org.yaqaza.intelligence.api;

import java.util.UUID;

/** A link from the cell or one of its people to someone or something outside it. */
public record ExternalLink(UUID fromId, GraphNode to, GraphEdge link) {
}
