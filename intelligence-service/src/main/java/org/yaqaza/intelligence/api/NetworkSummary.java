package org.yaqaza.intelligence.api;

/**
 * The whole network: {@code connectedPairs} counts the pairs of entities joined by some chain of ties;
 * {@code fragmentation} is the share of pairs that are not (0 = one connected whole, 1 = no ties at all);
 * {@code cutVertices} and {@code cutEdges} count the entities and ties whose loss alone splits a component.
 */
public record NetworkSummary(int nodes, int links, int components, int largestComponent, double density,
        long connectedPairs, double fragmentation, int cutVertices, int cutEdges) {
}
