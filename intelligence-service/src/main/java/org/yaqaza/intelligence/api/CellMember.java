package org.yaqaza.intelligence.api;

/** A member or leader of a cell, with the link that makes them one. */
public record CellMember(GraphNode person, GraphEdge link) {
}
