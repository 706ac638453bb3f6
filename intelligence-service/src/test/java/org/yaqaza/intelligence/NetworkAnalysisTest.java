package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.restassured.path.json.JsonPath;

/**
 * Cell network analysis against graphs whose answers are known: Krackhardt's kite (published betweenness), a
 * bow-tie with one cut vertex, a network that hidden members and links must not change, and the SVG picture.
 * The demo cells are in {@link DemoNetworkTest}.
 */
@QuarkusTest
class NetworkAnalysisTest {

    private static final String NETWORK = "/api/intelligence/graph/network";
    private static final String OWNER = Fixtures.user("network-owner", "analyst", "TOP_SECRET", "X");
    private static final String READER = Fixtures.user("network-reader", "supervisor", "SECRET");

    /**
     * Krackhardt's kite (Krackhardt 1990, "Assessing the political landscape"): ten people, eighteen ties, with
     * the published betweenness of each (Heather 14, Fernando and Garth 8.33, Ike 8, Diane 3.67, Andre and
     * Beverly 0.83, the others 0), normalised by (n-1)(n-2)/2 = 36.
     */
    @Test
    void krackhardtsKiteHasThePublishedCentralities() {
        Map<String, String> id = kite(OWNER, "Kite");
        JsonPath network = doubles(READER).queryParam("persons", String.join(",", id.values()))
                .get(NETWORK).then().statusCode(200)
                .body("nodes.role", everyItem(equalTo("SELECTED"))).extract().jsonPath();
        assertPublishedKite(network, id);
    }

    /** Krackhardt's kite: ten persons named {@code <name> <suffix>}, eighteen ties; the ids by name. */
    static Map<String, String> kite(String owner, String suffix) {
        Map<String, String> id = new LinkedHashMap<>();
        for (String name : List.of("Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather",
                "Ike", "Jane")) {
            id.put(name, Fixtures.createEntity(owner, Fixtures.person(name + " " + suffix, "RESTRICTED")));
        }
        String[][] ties = { { "Andre", "Beverly" }, { "Andre", "Carol" }, { "Andre", "Diane" },
            { "Andre", "Fernando" }, { "Beverly", "Diane" }, { "Beverly", "Ed" }, { "Beverly", "Garth" },
            { "Carol", "Diane" }, { "Carol", "Fernando" }, { "Diane", "Ed" }, { "Diane", "Fernando" },
            { "Diane", "Garth" }, { "Ed", "Garth" }, { "Fernando", "Garth" }, { "Fernando", "Heather" },
            { "Garth", "Heather" }, { "Heather", "Ike" }, { "Ike", "Jane" } };
        for (String[] t : ties) {
            Fixtures.relate(owner, id.get(t[0]), id.get(t[1]), "ASSOCIATE_OF", "RESTRICTED");
        }
        return id;
    }

    /**
     * The published figures of the kite (Krackhardt, "Assessing the political landscape", Administrative Science
     * Quarterly 35(2), 1990; the same normalised betweenness as networkx's {@code krackhardt_kite_graph}), whichever
     * route computed them. Diane has the highest degree, Heather the highest betweenness; Heather and Ike are the
     * cut vertices, Heather-Ike and Ike-Jane the only ties whose loss splits the network.
     */
    static void assertPublishedKite(JsonPath network, Map<String, String> id) {
        assertEquals(10, network.getInt("summary.nodes"));
        assertEquals(18, network.getInt("summary.links"));
        assertEquals(1, network.getInt("summary.components"));
        assertEquals(0.4, network.getDouble("summary.density"), 0.0005);
        assertEquals(2, network.getInt("summary.cutVertices"));
        assertEquals(2, network.getInt("summary.cutEdges"));
        assertEquals(List.of(), network.getList("bridges"));
        List<List<String>> cut = new ArrayList<>();
        for (Map<String, Object> link : network.<Map<String, Object>>getList("links")) {
            if (Boolean.TRUE.equals(link.get("cutEdge"))) {
                cut.add(List.of((String) link.get("sourceId"), (String) link.get("targetId")));
            }
        }
        assertEquals(2, cut.size(), cut.toString());
        assertTrue(cut.stream().allMatch(pair -> pair.contains(id.get("Ike"))), cut.toString());
        assertTrue(cut.stream().anyMatch(pair -> pair.contains(id.get("Heather"))), cut.toString());
        assertTrue(cut.stream().anyMatch(pair -> pair.contains(id.get("Jane"))), cut.toString());

        Map<String, double[]> published = Map.of("Andre", new double[] { 0.833, 0.023, 4 },
                "Beverly", new double[] { 0.833, 0.023, 4 }, "Carol", new double[] { 0, 0, 3 },
                "Diane", new double[] { 3.667, 0.102, 6 }, "Ed", new double[] { 0, 0, 3 },
                "Fernando", new double[] { 8.333, 0.231, 5 }, "Garth", new double[] { 8.333, 0.231, 5 },
                "Heather", new double[] { 14, 0.389, 3 }, "Ike", new double[] { 8, 0.222, 2 },
                "Jane", new double[] { 0, 0, 1 });
        published.forEach((name, expected) -> {
            Map<String, Object> node = network.getMap("nodes.find { it.id == '" + id.get(name) + "' }");
            assertEquals(expected[0], ((Number) node.get("betweenness")).doubleValue(), 0.0005, name);
            assertEquals(expected[1], ((Number) node.get("betweennessCentrality")).doubleValue(), 0.0005, name);
            assertEquals((int) expected[2], node.get("degree"), name);
            assertEquals(expected[2] / 9, ((Number) node.get("degreeCentrality")).doubleValue(), 0.0005, name);
        });
        // Heather and Ike are the only cut vertices: Heather cuts {Ike, Jane} from the other seven (14 pairs),
        // Ike cuts Jane from the other eight (8 pairs); everyone else is ranked by betweenness after them
        assertEquals(List.of(id.get("Heather"), id.get("Ike"), id.get("Fernando"), id.get("Garth"),
                id.get("Diane")), network.getList("nodes.id").subList(0, 5));
        assertEquals(List.of(14, 8, 0, 0, 0), network.getList("nodes.separatedPairs").subList(0, 5));
        assertEquals(List.of(true, true, false), network.getList("nodes.cutVertex").subList(0, 3));
        assertEquals(2, network.getInt("nodes[0].componentsWithout"));
        assertEquals(7, network.getInt("nodes[0].largestComponentWithout"));
    }

    /** Two triangles sharing one member: that member, not the leader, is the one whose arrest splits the cell. */
    @Test
    void theCutVertexOfABowTieIsTheTopKeyPlayerAndForeignLinksAreBridges() {
        Cell cell = bowTie("Papillon");
        String spaniard = Fixtures.createEntity(OWNER, person("Javier Contacto", "ES", "SECRET"));
        String group = Fixtures.createEntity(OWNER, group("جماعة الصحراء الوهمية", List.of("Sahel"), "SECRET"));
        Fixtures.relate(OWNER, cell.b2, spaniard, "COMMUNICATES_WITH", "SECRET");
        Fixtures.relate(OWNER, cell.id, group, "AFFILIATED_WITH", "SECRET");

        JsonPath core = doubles(READER).queryParam("organisation", cell.id)
                .queryParam("contacts", "false").get(NETWORK).then().statusCode(200)
                .body("organisationId", equalTo(cell.id)).body("homeCountry", equalTo("MA"))
                .body("summary.nodes", equalTo(5)).body("summary.links", equalTo(6))
                .body("nodes[0].id", equalTo(cell.hub)).body("nodes[0].rank", equalTo(1))
                .body("nodes[0].cutVertex", equalTo(true)).body("nodes[0].separatedPairs", equalTo(4))
                .body("nodes[0].componentsWithout", equalTo(2)).body("nodes[0].largestComponentWithout", equalTo(2))
                .body("nodes[0].fragmentationWithout", closeTo(0.667, 0.0005))
                .body("nodes[0].betweennessCentrality", closeTo(0.667, 0.0005))
                .body("nodes.findAll { it.cutVertex }", hasSize(1))
                .body("nodes.find { it.id == '" + cell.leader + "' }.role", equalTo("LEADER"))
                .body("nodes.findAll { it.role == 'MEMBER' }", hasSize(4))
                .body("bridges.foreignId", containsInAnyOrder(spaniard, group))
                .body("bridges.find { it.foreignId == '" + spaniard + "' }.fromId", equalTo(cell.b2))
                .body("bridges.find { it.foreignId == '" + spaniard + "' }.reason", equalTo("nationality ES"))
                .body("bridges.find { it.foreignId == '" + group + "' }.fromId", equalTo(cell.id))
                .body("bridges.find { it.foreignId == '" + group + "' }.reason", equalTo("affiliated with Sahel"))
                .extract().jsonPath();
        assertEquals(List.of(0, 0, 0, 0), core.getList("nodes.separatedPairs").subList(1, 5));

        // with contacts the Spaniard hangs off B2: B2 now cuts him off (4 pairs), the hub still splits most (6)
        given().auth().oauth2(READER).queryParam("organisation", cell.id).get(NETWORK).then().statusCode(200)
                .body("contacts", equalTo(true)).body("summary.nodes", equalTo(6))
                .body("nodes.id", contains(cell.hub, cell.b2, cell.leader, cell.a2, cell.b1, spaniard))
                .body("nodes.separatedPairs", contains(6, 4, 0, 0, 0, 0))
                .body("nodes.find { it.id == '" + spaniard + "' }.role", equalTo("CONTACT"))
                .body("nodes.find { it.id == '" + spaniard + "' }.foreign", equalTo(true))
                .body("nodes.find { it.id == '" + spaniard + "' }.nationality", equalTo("ES"))
                .body("nodes.id", not(hasItem(group)));
    }

    /** The same request before and after hidden members and links were added: byte for byte the same answer. */
    @Test
    void hiddenMembersAndLinksChangeNothingForAReaderWhoMayNotSeeThem() {
        Cell cell = bowTie("Invisible");
        String visibleForeigner = Fixtures.createEntity(OWNER, person("Pierre Visible", "FR", "SECRET"));
        Fixtures.relate(OWNER, cell.a2, visibleForeigner, "FUNDS", "SECRET");
        String byOrganisation = NETWORK + "?organisation=" + cell.id;
        String byPersons = NETWORK + "?persons=" + String.join(",", cell.leader, cell.a2, cell.hub, cell.b1,
                cell.b2);
        List<String> before = answers(READER, byOrganisation, byPersons);
        String ownerBefore = given().auth().oauth2(OWNER).get(byOrganisation).then().statusCode(200).extract()
                .asString();

        // a hidden member tied to both sides; a visible person made a member by a hidden link; a hidden link
        // closing the bow-tie; a hidden foreigner linked to the leader; a hidden link to the visible foreigner
        String hiddenMember = Fixtures.createEntity(OWNER, person("عضو خفي", "MA", "TOP_SECRET", "X"));
        Fixtures.relate(OWNER, hiddenMember, cell.id, "MEMBER_OF", "SECRET");
        Fixtures.relate(OWNER, hiddenMember, cell.a2, "ASSOCIATE_OF", "SECRET");
        Fixtures.relate(OWNER, hiddenMember, cell.b1, "ASSOCIATE_OF", "SECRET");
        String secretlyMember = Fixtures.createEntity(OWNER, person("Membre Discret", "MA", "SECRET"));
        Fixtures.relate(OWNER, secretlyMember, cell.id, "MEMBER_OF", "TOP_SECRET", "X");
        Fixtures.relate(OWNER, cell.a2, cell.b2, "COMMUNICATES_WITH", "SECRET", "X");
        String hiddenForeigner = Fixtures.createEntity(OWNER, person("Hidden Foreigner", "BE", "SECRET", "X"));
        Fixtures.relate(OWNER, cell.leader, hiddenForeigner, "COMMUNICATES_WITH", "SECRET");
        Fixtures.relate(OWNER, cell.leader, visibleForeigner, "FUNDS", "TOP_SECRET");

        assertEquals(before, answers(READER, byOrganisation, byPersons));
        // the owner sees what changed: the bow-tie is closed, so the hub no longer splits the cell
        String ownerAfter = given().auth().oauth2(OWNER).get(byOrganisation).then().statusCode(200)
                .body("nodes.id", hasItem(hiddenMember)).body("nodes.id", hasItem(secretlyMember))
                .body("nodes.find { it.id == '" + cell.hub + "' }.separatedPairs", equalTo(0))
                .body("bridges.foreignId", hasItem(hiddenForeigner)).extract().asString();
        assertNotEquals(ownerBefore, ownerAfter);
    }

    @Test
    void thePictureIsDeterministicWellFormedEscapedAndLaysArabicOutRightToLeft() throws Exception {
        String broker = Fixtures.createEntity(OWNER, Fixtures.person("عبد القادر الوسيط", "SECRET"));
        String tricky = Fixtures.createEntity(OWNER, Fixtures.person("Jean <script>alert(1)</script> & \\\"Co\\\"",
                "SECRET"));
        String third = Fixtures.createEntity(OWNER, Fixtures.person("Karim Périphérique", "SECRET"));
        Fixtures.relate(OWNER, tricky, broker, "ASSOCIATE_OF", "SECRET");
        Fixtures.relate(OWNER, broker, third, "ASSOCIATE_OF", "SECRET");
        String persons = String.join(",", broker, tricky, third);

        String byPath = given().auth().oauth2(READER).queryParam("persons", persons).get(NETWORK + ".svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        String negotiated = given().auth().oauth2(READER).accept("image/svg+xml").queryParam("persons", persons)
                .get(NETWORK).then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertEquals(byPath, negotiated);

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(byPath.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, svg.getElementsByTagName("script").getLength());
        Map<String, Element> labels = new LinkedHashMap<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            labels.put(text.getTextContent(), text);
        }
        assertEquals("rtl", labels.get("عبد القادر الوسيط").getAttribute("direction"));
        assertEquals("", labels.get("Karim Périphérique").getAttribute("direction"));
        assertTrue(labels.containsKey("Jean <script>alert(1)</script> & \"Co\""), labels.keySet().toString());
        // the broker lies on the only path between the other two: the largest circle, ranked first
        List<Double> radii = new ArrayList<>();
        NodeList circles = svg.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element circle = (Element) circles.item(i);
            if (circle.getParentNode().getNodeName().equals("g") && !"none".equals(circle.getAttribute("fill"))) {
                radii.add(Double.valueOf(circle.getAttribute("r")));
            }
        }
        assertEquals(3, radii.size());
        assertEquals(radii.stream().max(Double::compare).orElseThrow(), radii.get(0));
        assertTrue(radii.get(0) > radii.get(1) && radii.get(0) > radii.get(2), radii.toString());
    }

    @Test
    void badRequestsAreProblemsAndHiddenOrganisationsAnswerLikeMissingOnes() {
        String person = Fixtures.createEntity(OWNER, Fixtures.person("Personne Seule", "SECRET"));
        String organisation = Fixtures.createEntity(OWNER, group("Groupe Témoin", List.of(), "SECRET"));
        String hidden = Fixtures.createEntity(OWNER, group("Groupe Caché", List.of(), "TOP_SECRET", "X"));
        for (String query : List.of("", "?organisation=" + organisation + "&persons=" + person,
                "?organisation=nope", "?persons=" + person + ",,", "?persons=nope", "?organisation="
                        + organisation + "&contacts=maybe")) {
            given().auth().oauth2(READER).get(NETWORK + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(READER).get(NETWORK + "?organisation=" + person).then().statusCode(422)
                .body("title", equalTo("Not an organisation"));
        given().auth().oauth2(READER).get(NETWORK + "?persons=" + person + "," + organisation).then()
                .statusCode(422).body("title", equalTo("Not a person"));
        String missing = UUID.randomUUID().toString();
        JsonPath hiddenAnswer = given().auth().oauth2(READER).get(NETWORK + "?organisation=" + hidden).then()
                .statusCode(404).contentType("application/problem+json").extract().jsonPath();
        JsonPath missingAnswer = given().auth().oauth2(READER).get(NETWORK + "?organisation=" + missing).then()
                .statusCode(404).extract().jsonPath();
        assertEquals(missingAnswer.getString("title"), hiddenAnswer.getString("title"));
        assertEquals(missingAnswer.getString("detail").replace(missing, "?"),
                hiddenAnswer.getString("detail").replace(hidden, "?"));
        given().auth().oauth2(Fixtures.user("network-collector", "collector", "TOP_SECRET", "X"))
                .get(NETWORK + "?organisation=" + organisation).then().statusCode(403);

        // test profile bound: 40 entities; 41 persons asked for, or one person with 40 contacts, is refused
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            many.add(UUID.randomUUID().toString());
        }
        given().auth().oauth2(READER).get(NETWORK + "?persons=" + String.join(",", many)).then().statusCode(422)
                .body("title", equalTo("Network too large"));
        String hub = Fixtures.createEntity(OWNER, Fixtures.person("Moyeu Réseau", "SECRET"));
        for (int i = 0; i < 40; i++) {
            Fixtures.relate(OWNER, hub, Fixtures.createEntity(OWNER, Fixtures.person("Contact " + i, "SECRET")),
                    "COMMUNICATES_WITH", "SECRET");
        }
        given().auth().oauth2(READER).get(NETWORK + "?persons=" + hub).then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Network too large"));
        given().auth().oauth2(READER).get(NETWORK + "?persons=" + hub + "&contacts=false").then().statusCode(200)
                .body("nodes", hasSize(1));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** An organisation and its five members tied as two triangles sharing {@code hub}. */
    private record Cell(String id, String leader, String a2, String hub, String b1, String b2) {
    }

    private static Cell bowTie(String name) {
        String id = Fixtures.createEntity(OWNER, """
                {"kind":"ORGANISATION","displayName":"Cellule %s","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"TERRORISM","classification":"SECRET"}""".formatted(name));
        String leader = Fixtures.createEntity(OWNER, person("يوسف القائد " + name, "MA", "SECRET"));
        String a2 = Fixtures.createEntity(OWNER, person("Amine " + name, "MA", "SECRET"));
        String hub = Fixtures.createEntity(OWNER, person("حمزة الرابط " + name, "MA", "SECRET"));
        String b1 = Fixtures.createEntity(OWNER, person("Bilal " + name, "MA", "SECRET"));
        String b2 = Fixtures.createEntity(OWNER, person("Badr " + name, "MA", "SECRET"));
        Fixtures.relate(OWNER, leader, id, "LEADS", "SECRET");
        for (String member : List.of(a2, hub, b1, b2)) {
            Fixtures.relate(OWNER, member, id, "MEMBER_OF", "SECRET");
        }
        Fixtures.relate(OWNER, leader, a2, "ASSOCIATE_OF", "SECRET");
        Fixtures.relate(OWNER, a2, hub, "COMMUNICATES_WITH", "SECRET");
        Fixtures.relate(OWNER, hub, leader, "FUNDS", "SECRET");
        Fixtures.relate(OWNER, hub, b1, "ASSOCIATE_OF", "SECRET");
        Fixtures.relate(OWNER, b1, b2, "COMMUNICATES_WITH", "SECRET");
        Fixtures.relate(OWNER, b2, hub, "ASSOCIATE_OF", "SECRET");
        return new Cell(id, leader, a2, hub, b1, b2);
    }

    /** Decimals read as doubles, so that closeTo applies. */
    static RequestSpecification doubles(String token) {
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(NumberReturnType.DOUBLE))).auth().oauth2(token);
    }

    private static List<String> answers(String token, String... paths) {
        List<String> answers = new ArrayList<>();
        for (String path : paths) {
            answers.add(given().auth().oauth2(token).get(path).then().statusCode(200).extract().asString());
            answers.add(given().auth().oauth2(token).get(path.replace("/network?", "/network.svg?")).then()
                    .statusCode(200).extract().asString());
        }
        return answers;
    }

    static String person(String name, String nationality, String classification, String... compartments) {
        return """
                {"kind":"PERSON","displayName":"%s","nationality":"%s","classification":"%s","compartments":[%s]}"""
                .formatted(name, nationality, classification, quoted(compartments));
    }

    static String group(String name, List<String> affiliations, String classification,
            String... compartments) {
        return """
                {"kind":"ORGANISATION","displayName":"%s","organisationKind":"TERRORIST_ORGANISATION",
                 "organisationStatus":"ACTIVE","externalAffiliations":[%s],"classification":"%s",
                 "compartments":[%s]}""".formatted(name, quoted(affiliations.toArray(String[]::new)),
                classification, quoted(compartments));
    }

    private static String quoted(String... values) {
        return values.length == 0 ? "" : "\"" + String.join("\",\"", values) + "\"";
    }
}
