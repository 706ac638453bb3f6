package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Wire records of the link graph. */
public final class GraphViews {

    private GraphViews() {
    }

    /** An entity in a graph; {@code distance} is its number of hops from the root (or path start). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(UUID id, String kind, String displayName, String organisationKind, String organisationStatus,
            String eventType, int distance) {
    }

    public record Edge(UUID id, UUID sourceId, UUID targetId, String type, int confidence, LocalDate validFrom,
            LocalDate validTo) {
    }

    public record Graph(UUID rootId, int depth, List<Node> nodes, List<Edge> edges) {
    }

    /** Shortest path; {@code found=false} (and empty lists) when none exists within the searched length. */
    public record Path(boolean found, int length, List<Node> nodes, List<Edge> edges) {
    }

    /** A member or leader of a cell, with the link that makes them one. */
    public record CellMember(Node person, Edge link) {
    }

    /** A link from the cell or one of its people to someone or something outside it. */
    public record ExternalLink(UUID fromId, Node to, Edge link) {
    }

    public record Cell(EntityView organisation, List<CellMember> leaders, List<CellMember> members,
            List<ExternalLink> externalLinks) {
    }
}
