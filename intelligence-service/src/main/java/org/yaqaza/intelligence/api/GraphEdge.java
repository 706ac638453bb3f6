package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relationship in a graph, between two of its nodes. */
@Schema(name = "Edge")
public record GraphEdge(UUID id, UUID sourceId, UUID targetId, String type, int confidence, LocalDate validFrom,
        LocalDate validTo) {
}
