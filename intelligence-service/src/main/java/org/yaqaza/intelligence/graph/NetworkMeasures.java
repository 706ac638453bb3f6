package org.yaqaza.intelligence.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.MaskSubgraph;

/**
 * Measures of an undirected, unweighted network, computed with JGraphT (docs/intelligence.md, "Cell network"
 * defines each one). Pure: no database, no caller; the service decides which vertices and edges go in.
 */
final class NetworkMeasures {

    private NetworkMeasures() {
    }

    /** What one vertex scores, and what the network looks like once it is removed. */
    record Vertex(int degree, double degreeCentrality, double betweenness, double betweennessCentrality,
            long separatedPairs, int componentsWithout, int largestComponentWithout, double fragmentationWithout) {

        boolean cutVertex() {
            return separatedPairs > 0;
        }
    }

    /** The whole network. */
    record Whole(int vertices, int edges, int components, int largestComponent, double density, long connectedPairs,
            double fragmentation) {
    }

    /** {@code cutEdges}: the edges whose removal alone disconnects their component (graph-theory bridges). */
    record Result<V, E>(Map<V, Vertex> vertices, Whole whole, Set<E> cutEdges) {
    }

    static <V, E> Result<V, E> of(Graph<V, E> graph) {
        int n = graph.vertexSet().size();
        Connectivity before = Connectivity.of(new ConnectivityInspector<>(graph).connectedSets());
        // JGraphT halves the raw score of an undirected graph and then divides by (n-1)(n-2) when asked to
        // normalise, which is half Freeman's normalisation; the raw scores are normalised here instead
        Map<V, Double> betweenness = new BetweennessCentrality<>(graph, false).getScores();
        double pairsOfOthers = (n - 1) * (n - 2) / 2.0;
        Map<V, Vertex> scores = new HashMap<>();
        ConnectivityInspector<V, E> inspector = new ConnectivityInspector<>(graph);
        for (V v : graph.vertexSet()) {
            Connectivity without = Connectivity.of(new ConnectivityInspector<>(
                    new MaskSubgraph<>(graph, x -> x.equals(v), e -> false)).connectedSets());
            long pairsWithV = inspector.connectedSetOf(v).size() - 1L;
            int degree = graph.degreeOf(v);
            double b = betweenness.getOrDefault(v, 0.0);
            scores.put(v, new Vertex(degree, n > 1 ? round((double) degree / (n - 1)) : 0, round(b),
                    pairsOfOthers > 0 ? round(b / pairsOfOthers) : 0,
                    before.connectedPairs - pairsWithV - without.connectedPairs, without.components,
                    without.largest, round(fragmentation(without.connectedPairs, n - 1))));
        }
        int m = graph.edgeSet().size();
        Whole whole = new Whole(n, m, before.components, before.largest,
                n > 1 ? round(2.0 * m / ((double) n * (n - 1))) : 0, before.connectedPairs,
                round(fragmentation(before.connectedPairs, n)));
        return new Result<>(scores, whole, new BiconnectivityInspector<>(graph).getBridges());
    }

    /** Borgatti's fragmentation: the share of the n(n-1)/2 pairs that no chain of ties joins. */
    private static double fragmentation(long connectedPairs, int n) {
        return n < 2 ? 0 : 1 - connectedPairs / (n * (n - 1) / 2.0);
    }

    private record Connectivity(int components, int largest, long connectedPairs) {

        static <V> Connectivity of(List<Set<V>> components) {
            int largest = 0;
            long pairs = 0;
            for (Set<V> c : components) {
                largest = Math.max(largest, c.size());
                pairs += (long) c.size() * (c.size() - 1) / 2;
            }
            return new Connectivity(components.size(), largest, pairs);
        }
    }

    /** Six decimals: stable JSON, far finer than any decision needs. */
    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
