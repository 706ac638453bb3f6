package org.yaqaza.intelligence.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entity in a graph; {@code distance} is its number of hops from the root (or path start). */
@Schema(name = "Node")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraphNode(UUID id, String kind, String displayName, String organisationKind, String organisationStatus,
        String eventType, int distance) {
}
