package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.demo.DemoSeeder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The demo cells (DemoSeeder, fixed random seed): each ranking is checked against an independent count of the
 * pairs each person's removal separates, and its top is the person the data says it should be.
 */
@QuarkusTest
class DemoNetworkTest {

    @Inject
    DemoSeeder seeder;

    @Test
    void demoCellsRankTheirBrokersAndLeadersFirst() {
        DemoSeeder.Seeded demo = seeder.seed();
        String reader = Fixtures.user("demo-network", "supervisor", "TOP_SECRET", "CT-NORTH", "CT-SOUTH");
        Map<String, JsonPath> cells = new HashMap<>();
        for (int c = 0; c < demo.cells().size(); c++) {
            JsonPath network = given().auth().oauth2(reader).queryParam("organisation", demo.cells().get(c))
                    .get("/api/intelligence/graph/network").then().statusCode(200).extract().jsonPath();
            checkAgainstIndependentCount(network);
            cells.put(network.getString("organisationName"), network);
        }
        List<UUID> p = demo.persons();

        // Cellule du Détroit: the leader (person 31) is the one whose arrest splits the network most
        assertTop(cells.get("Cellule du Détroit"), p.get(31), "LEADER");
        // Cellule de l'Oasis: its leader (24) is second to Amine Imzilen (3), a member of Cellule du Nord through
        // whom the Oasis people reach their other contacts: the broker between the two cells
        assertTop(cells.get("Cellule de l'Oasis"), p.get(3), "CONTACT");
        assertEquals(p.get(24).toString(), cells.get("Cellule de l'Oasis").getString("nodes[1].id"));
        assertEquals("LEADER", cells.get("Cellule de l'Oasis").getString("nodes[1].role"));
        // ... and the same man holds Cellule du Nord together from the inside (its leader, 0, comes third)
        assertTop(cells.get("Cellule du Nord"), p.get(3), "MEMBER");
        assertEquals(3, rankOf(cells.get("Cellule du Nord"), p.get(0)));
        // Cellule du Littoral and Cellule de l'Atlas hang on foreign members who also carry links abroad
        for (Object[] expected : new Object[][] { { "Cellule du Littoral", 13, "FR" },
            { "Cellule de l'Atlas", 18, "ES" } }) {
            JsonPath network = cells.get(expected[0]);
            UUID top = p.get((Integer) expected[1]);
            assertTop(network, top, "MEMBER");
            assertEquals(expected[2], network.getString("nodes[0].nationality"));
            assertTrue(network.getList("bridges.fromId").contains(top.toString()), expected[0] + " bridges");
        }
    }

    private static void assertTop(JsonPath network, UUID expected, String role) {
        String name = network.getString("organisationName");
        assertEquals(expected.toString(), network.getString("nodes[0].id"), name + " top key player");
        assertEquals(role, network.getString("nodes[0].role"), name + " top key player's role");
        assertTrue(network.getBoolean("nodes[0].cutVertex"), name);
    }

    private static int rankOf(JsonPath network, UUID id) {
        return network.getInt("nodes.find { it.id == '" + id + "' }.rank");
    }

    /**
     * Recounts, by breadth-first search over the returned links, the pairs of other people each removal
     * separates; the service's figure must match for everyone and the top of the ranking must be a maximum.
     */
    private static void checkAgainstIndependentCount(JsonPath network) {
        List<String> ids = network.getList("nodes.id");
        Map<String, Set<String>> neighbours = new HashMap<>();
        ids.forEach(id -> neighbours.put(id, new HashSet<>()));
        List<Map<String, String>> links = network.getList("links");
        for (Map<String, String> link : links) {
            neighbours.get(link.get("sourceId")).add(link.get("targetId"));
            neighbours.get(link.get("targetId")).add(link.get("sourceId"));
        }
        long before = connectedPairs(neighbours, null);
        long best = 0;
        List<Integer> separated = network.getList("nodes.separatedPairs");
        for (int i = 0; i < ids.size(); i++) {
            String removed = ids.get(i);
            long withRemoved = componentSize(neighbours, removed, null) - 1;
            long expected = before - withRemoved - connectedPairs(neighbours, removed);
            assertEquals(expected, separated.get(i).longValue(), network.getString("organisationName") + " "
                    + network.getString("nodes[" + i + "].displayName"));
            best = Math.max(best, expected);
        }
        assertEquals(best, separated.get(0).longValue());
    }

    private static long connectedPairs(Map<String, Set<String>> neighbours, String removed) {
        Set<String> seen = new HashSet<>();
        long pairs = 0;
        for (String start : neighbours.keySet()) {
            if (!start.equals(removed) && !seen.contains(start)) {
                long size = componentSize(neighbours, start, removed);
                pairs += size * (size - 1) / 2;
                seen.addAll(component(neighbours, start, removed));
            }
        }
        return pairs;
    }

    private static long componentSize(Map<String, Set<String>> neighbours, String start, String removed) {
        return component(neighbours, start, removed).size();
    }

    private static Set<String> component(Map<String, Set<String>> neighbours, String start, String removed) {
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            for (String next : neighbours.get(queue.poll())) {
                if (!next.equals(removed) && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }
}
