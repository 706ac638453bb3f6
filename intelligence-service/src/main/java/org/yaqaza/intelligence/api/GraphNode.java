package org.yaqaza.intelligence.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yaqaza.common.security.Classification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entity in a graph; {@code distance} is its number of hops from the root (or path start);
 * {@code classification} is the highest marking of the entity and of the relationship it was reached by (what a
 * console's banner must cover when it shows the node).
 */
@Schema(name = "Node")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraphNode(UUID id, String kind, String displayName, String organisationKind, String organisationStatus,
        String eventType, int distance, Classification classification) {
}
