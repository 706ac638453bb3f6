package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The network around one entity ({@code GET /entities/{id}/network?depth=}) and the body form of the cell network
 * ({@code POST /graph/network}): the kite's published figures through both, what two readers with different
 * clearances see, the picture, the foreign-bridge rule around an entity, and the refusals.
 */
@QuarkusTest
class EntityNetworkTest {

    private static final String ENTITIES = "/api/intelligence/entities/";
    private static final String OWNER = Fixtures.user("entity-network-owner", "analyst", "TOP_SECRET", "X");
    private static final String READER = Fixtures.user("entity-network-reader", "supervisor", "SECRET");

    /** Every member of the kite is within two ties of Heather, so her depth-2 network is the whole kite. */
    @Test
    void theKiteAroundHeatherHasThePublishedCentralitiesAndThePostFormAnswersLikeTheGet() {
        Map<String, String> id = NetworkAnalysisTest.kite(OWNER, "Cerf-volant");
        String heather = id.get("Heather");
        JsonPath whole = NetworkAnalysisTest.doubles(READER).get(ENTITIES + heather + "/network?depth=2").then()
                .statusCode(200).extract().jsonPath();
        NetworkAnalysisTest.assertPublishedKite(whole, id);
        assertEquals(heather, whole.getString("rootId"));
        assertEquals("Heather Cerf-volant", whole.getString("rootName"));
        assertEquals(2, whole.getInt("depth"));
        assertNull(whole.get("contacts"));
        Map<String, Integer> distance = new HashMap<>();
        Map<String, String> role = new HashMap<>();
        id.forEach((name, value) -> {
            distance.put(name, whole.getInt("nodes.find { it.id == '" + value + "' }.distance"));
            role.put(name, whole.getString("nodes.find { it.id == '" + value + "' }.role"));
        });
        assertEquals(Map.of("Andre", 2, "Beverly", 2, "Carol", 2, "Diane", 2, "Ed", 2, "Fernando", 1, "Garth", 1,
                "Heather", 0, "Ike", 1, "Jane", 2), distance);
        assertEquals("ROOT", role.remove("Heather"));
        assertTrue(role.values().stream().allMatch("CONTACT"::equals), role.toString());

        // depth 1: Heather, her three contacts and the Fernando-Garth tie between two of them (read although
        // neither was expanded); Heather lies between Ike and each of the other two, and Heather-Ike is a cut edge
        JsonPath near = NetworkAnalysisTest.doubles(READER).get(ENTITIES + heather + "/network?depth=1").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(4, near.getInt("summary.nodes"));
        assertEquals(4, near.getInt("summary.links"));
        assertEquals(heather, near.getString("nodes[0].id"));
        assertEquals(2.0, near.getDouble("nodes[0].betweenness"), 1e-9);
        assertEquals(1, near.getInt("summary.cutEdges"));
        List<String> cutEdge = new ArrayList<>(near.getList("links.findAll { it.cutEdge }.sourceId"));
        cutEdge.addAll(near.getList("links.findAll { it.cutEdge }.targetId"));
        assertEquals(List.of(heather, id.get("Ike")).stream().sorted().toList(), cutEdge.stream().sorted().toList());

        // the body form of GET /graph/network?persons=…: the same answer, in JSON and as a picture
        String persons = String.join(",", id.values());
        String body = "{\"persons\":[\"" + String.join("\",\"", id.values()) + "\"]}";
        assertEquals(given().auth().oauth2(READER).get("/api/intelligence/graph/network?persons=" + persons).then()
                .statusCode(200).extract().asString(), given().auth().oauth2(READER).contentType(ContentType.JSON)
                .body(body).post("/api/intelligence/graph/network").then().statusCode(200).extract().asString());
        assertEquals(given().auth().oauth2(READER).get("/api/intelligence/graph/network.svg?persons=" + persons)
                .then().statusCode(200).extract().asString(), given().auth().oauth2(READER).accept("image/svg+xml")
                .contentType(ContentType.JSON).body(body).post("/api/intelligence/graph/network").then()
                .statusCode(200).contentType("image/svg+xml").extract().asString());
    }

    /**
     * Around Saïd: Ali and Badr are visible to both readers; Hamza is TOP_SECRET [X], tied to Saïd and Badr, and
     * Walid (visible) is reached only through Hamza. The SECRET reader gets the figures of the chain Saïd-Ali-Badr,
     * byte for byte what he got before Hamza existed, and never sees Walid; the owner gets the whole network.
     */
    @Test
    void eachReaderGetsTheFiguresOfTheirOwnSubgraphAndNothingReachedThroughAHiddenEntity() throws Exception {
        String said = Fixtures.createEntity(OWNER, Fixtures.person("سعيد الجذر", "SECRET"));
        String ali = Fixtures.createEntity(OWNER, Fixtures.person("Ali <b>\\\"&\\\"</b> Relais", "SECRET"));
        String badr = Fixtures.createEntity(OWNER, Fixtures.person("بدر الطرف", "SECRET"));
        Fixtures.relate(OWNER, said, ali, "ASSOCIATE_OF", "SECRET");
        Fixtures.relate(OWNER, ali, badr, "COMMUNICATES_WITH", "SECRET");
        List<String> paths = List.of(ENTITIES + said + "/network?depth=2", ENTITIES + said + "/network.svg?depth=2",
                ENTITIES + said + "/network?depth=3", ENTITIES + badr + "/network?depth=1");
        List<String> before = answers(READER, paths);

        String hamza = Fixtures.createEntity(OWNER, Fixtures.person("حمزة المخفي", "TOP_SECRET", "X"));
        String walid = Fixtures.createEntity(OWNER, Fixtures.person("وليد البعيد", "SECRET"));
        Fixtures.relate(OWNER, said, hamza, "FUNDS", "SECRET");
        Fixtures.relate(OWNER, hamza, badr, "COMMUNICATES_WITH", "SECRET");
        Fixtures.relate(OWNER, hamza, walid, "ASSOCIATE_OF", "SECRET");
        // a hidden tie between two visible people must not close the chain either
        Fixtures.relate(OWNER, said, badr, "ASSOCIATE_OF", "TOP_SECRET", "X");

        assertEquals(before, answers(READER, paths));
        JsonPath reader = NetworkAnalysisTest.doubles(READER).get(paths.get(0)).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(ali, reader.getString("nodes[0].id"));
        assertEquals(3, reader.getInt("summary.nodes"));
        assertEquals(2, reader.getInt("summary.cutEdges"));
        assertEquals(1.0, reader.getDouble("nodes[0].betweenness"), 1e-9);
        assertEquals(1, reader.getInt("nodes[0].separatedPairs"));
        assertFalse(reader.getList("nodes.id").contains(walid));

        // the owner: Hamza alone holds Walid to the others (3 pairs), Ali is no longer a cut vertex
        JsonPath owner = NetworkAnalysisTest.doubles(OWNER).get(paths.get(0)).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(5, owner.getInt("summary.nodes"));
        assertEquals(hamza, owner.getString("nodes[0].id"));
        assertEquals(3, owner.getInt("nodes[0].separatedPairs"));
        assertEquals(2, owner.getInt("nodes.find { it.id == '" + walid + "' }.distance"));
        assertEquals(0, owner.getInt("nodes.find { it.id == '" + ali + "' }.separatedPairs"));

        // the picture: one circle per visible entity, Arabic names laid out right to left, markup escaped
        Document svg = parse(before.get(1));
        assertEquals(0, svg.getElementsByTagName("script").getLength());
        assertEquals(3, nodeCircles(svg));
        Map<String, Element> labels = labels(svg);
        assertEquals("rtl", labels.get("سعيد الجذر").getAttribute("direction"));
        assertEquals("rtl", labels.get("بدر الطرف").getAttribute("direction"));
        assertEquals("", labels.get("Ali <b>\"&\"</b> Relais").getAttribute("direction"));
        assertFalse(before.get(1).contains("حمزة") || before.get(1).contains("وليد"));
        Document ownerSvg = parse(given().auth().oauth2(OWNER).accept("image/svg+xml").get(paths.get(0)).then()
                .statusCode(200).contentType("image/svg+xml").extract().asString());
        assertEquals(5, nodeCircles(ownerSvg));
        assertTrue(labels(ownerSvg).containsKey("حمزة المخفي"));

        // a hidden root answers exactly like a missing one
        String missing = UUID.randomUUID().toString();
        JsonPath hidden = given().auth().oauth2(READER).get(ENTITIES + hamza + "/network").then().statusCode(404)
                .contentType("application/problem+json").extract().jsonPath();
        JsonPath absent = given().auth().oauth2(READER).get(ENTITIES + missing + "/network").then().statusCode(404)
                .extract().jsonPath();
        assertEquals(absent.getString("title"), hidden.getString("title"));
        assertEquals(absent.getString("detail").replace(missing, "?"), hidden.getString("detail").replace(hamza,
                "?"));
        given().auth().oauth2(READER).get(ENTITIES + hamza + "/network.svg").then().statusCode(404);
    }

    /**
     * Around an entity a bridge is a tie with exactly one foreign end: from the root to a French contact and to a
     * group affiliated abroad; the French contact's tie to a Spaniard links two foreigners and is not one.
     * Places are not actors and stay out of the network.
     */
    @Test
    void bridgesAroundAnEntityAreTheTiesThatCrossTheBorder() {
        String root = Fixtures.createEntity(OWNER, NetworkAnalysisTest.person("Nabil Frontière", "MA", "SECRET"));
        String french = Fixtures.createEntity(OWNER, NetworkAnalysisTest.person("Pierre Passeur", "FR", "SECRET"));
        String spaniard = Fixtures.createEntity(OWNER, NetworkAnalysisTest.person("Javier Lejano", "ES", "SECRET"));
        String group = Fixtures.createEntity(OWNER, NetworkAnalysisTest.group("جماعة الساحل الوهمية",
                List.of("Sahel"), "SECRET"));
        String place = Fixtures.createEntity(OWNER, """
                {"kind":"LOCATION","displayName":"ميناء طنجة المتوسط","classification":"SECRET"}""");
        String toFrench = Fixtures.relate(OWNER, root, french, "COMMUNICATES_WITH", "SECRET");
        String toGroup = Fixtures.relate(OWNER, root, group, "AFFILIATED_WITH", "SECRET");
        Fixtures.relate(OWNER, french, spaniard, "FUNDS", "SECRET");
        Fixtures.relate(OWNER, root, place, "TRAVELLED_TO", "SECRET");

        JsonPath network = given().auth().oauth2(READER).get(ENTITIES + root + "/network").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, network.getInt("depth"));
        assertEquals(List.of(french, group, root, spaniard).stream().sorted().toList(),
                network.getList("nodes.id", String.class).stream().sorted().toList());
        assertEquals(List.of(toFrench, toGroup).stream().sorted().toList(),
                network.getList("bridges.relationshipId", String.class).stream().sorted().toList());
        assertEquals(List.of(root, root), network.getList("bridges.fromId"));
        assertEquals("nationality FR", network.getString("bridges.find { it.foreignId == '" + french + "' }.reason"));
        assertEquals("affiliated with Sahel",
                network.getString("bridges.find { it.foreignId == '" + group + "' }.reason"));
        assertEquals(true, network.getBoolean("nodes.find { it.id == '" + spaniard + "' }.foreign"));

        // refusals: a place is no actor, depth is 1 to 3, collectors do not analyse networks
        given().auth().oauth2(READER).get(ENTITIES + place + "/network").then().statusCode(422)
                .contentType("application/problem+json").body("title",
                        equalTo("Not a person or organisation"));
        for (String depth : List.of("0", "4", "deux", "-1")) {
            given().auth().oauth2(READER).get(ENTITIES + root + "/network?depth=" + depth).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Fixtures.user("entity-network-collector", "collector", "TOP_SECRET", "X"))
                .get(ENTITIES + root + "/network").then().statusCode(403);
    }

    /** The body form refuses what the query form refuses, as problems; the size bound holds for it too. */
    @Test
    void thePostFormRefusesBadBodiesAndOversizedLists() {
        String person = Fixtures.createEntity(OWNER, Fixtures.person("Personne Postée", "SECRET"));
        String organisation = Fixtures.createEntity(OWNER, NetworkAnalysisTest.group("Groupe Posté", List.of(),
                "SECRET"));
        String network = "/api/intelligence/graph/network";
        for (String body : List.of("{}", "{\"persons\":[]}", "{\"organisation\":\"" + organisation
                + "\",\"persons\":[\"" + person + "\"]}", "{\"persons\":[null]}", "{\"persons\":[\"nope\"]}",
                "{\"organisation\":\"nope\"}", "[", "null")) {
            given().auth().oauth2(READER).contentType(ContentType.JSON).body(body).post(network).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(READER).contentType(ContentType.JSON).body("{\"organisation\":\"" + organisation
                + "\",\"contacts\":false}").post(network).then().statusCode(200)
                .body("organisationId", equalTo(organisation));
        // test profile bound: 40 entities
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            many.add(UUID.randomUUID().toString());
        }
        given().auth().oauth2(READER).contentType(ContentType.JSON)
                .body("{\"persons\":[\"" + String.join("\",\"", many) + "\"]}").post(network).then()
                .statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Network too large"));
        given().auth().oauth2(READER).contentType(ContentType.TEXT).body("x").post(network).then().statusCode(415);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static List<String> answers(String token, List<String> paths) {
        List<String> answers = new ArrayList<>();
        for (String path : paths) {
            answers.add(given().auth().oauth2(token).get(path).then().statusCode(200).extract().asString());
        }
        return answers;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The filled circles of the node groups (an outer ring for a link abroad has no fill). */
    private static int nodeCircles(Document svg) {
        int count = 0;
        NodeList circles = svg.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element circle = (Element) circles.item(i);
            if (circle.getParentNode().getNodeName().equals("g") && !"none".equals(circle.getAttribute("fill"))) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, Element> labels(Document svg) {
        Map<String, Element> labels = new HashMap<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            labels.put(text.getTextContent(), text);
        }
        return labels;
    }
}
