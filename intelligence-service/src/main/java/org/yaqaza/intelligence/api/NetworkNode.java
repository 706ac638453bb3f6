package org.yaqaza.intelligence.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entity of an analysed network with its measures (docs/intelligence.md defines each). {@code rank} is its
 * place in the key-player ranking (1 = whose removal fragments the network most); the "without" figures describe
 * the network once this entity is taken out. {@code distance} (ties from the root) is given for a network around
 * an entity only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkNode(UUID id, String kind, String displayName, NetworkRole role, String nationality,
        boolean foreign, int rank, int degree, double degreeCentrality, double betweenness,
        double betweennessCentrality, boolean cutVertex, long separatedPairs, int componentsWithout,
        int largestComponentWithout, double fragmentationWithout, Integer distance) {
}
