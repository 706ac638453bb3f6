package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

/**
 * A tie between two entities of the network: every visible relationship between them in either direction,
 * collapsed into one undirected tie ({@code sourceId} is the smaller id).
 */
public record NetworkLink(UUID sourceId, UUID targetId, List<String> types, List<UUID> relationshipIds) {
}
