package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

/**
 * A tie between two entities of the network: every visible relationship between them in either direction,
 * collapsed into one undirected tie ({@code sourceId} is the smaller id). {@code cutEdge}: the tie is a bridge in the
 * graph-theory sense, its loss alone splits its component.
 */
public record NetworkLink(UUID sourceId, UUID targetId, List<String> types, List<UUID> relationshipIds,
        boolean cutEdge) {
}
