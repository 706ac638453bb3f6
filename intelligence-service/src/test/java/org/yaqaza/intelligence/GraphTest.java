package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Neighbourhoods, shortest paths and cell views, with hidden entities never shown nor used as bridges. */
@QuarkusTest
class GraphTest {

    private static final String OWNER = Fixtures.user("graph-owner", "analyst", "TOP_SECRET", "X");
    private static final String SECRET = Fixtures.user("graph-secret", "analyst", "SECRET", "X");
    private static final String TS_NO_X = Fixtures.user("graph-ts", "analyst", "TOP_SECRET", "Y");

    @Test
    void hiddenEntitiesAreAbsentAndNeverBridges() {
        String a = Fixtures.createEntity(OWNER, Fixtures.person("Ali Graphe", "RESTRICTED"));
        String b = Fixtures.createEntity(OWNER, Fixtures.person("Badr Graphe", "RESTRICTED"));
        String hidden = Fixtures.createEntity(OWNER, Fixtures.person("Hakim Secret", "TOP_SECRET", "X"));
        String c = Fixtures.createEntity(OWNER, Fixtures.person("Chafik Graphe", "RESTRICTED"));
        String d = Fixtures.createEntity(OWNER, Fixtures.person("Driss Graphe", "RESTRICTED"));
        Fixtures.relate(OWNER, a, b, "ASSOCIATE_OF", "RESTRICTED");
        Fixtures.relate(OWNER, b, hidden, "COMMUNICATES_WITH", "RESTRICTED");
        Fixtures.relate(OWNER, hidden, c, "FUNDS", "RESTRICTED");
        Fixtures.relate(OWNER, c, d, "ASSOCIATE_OF", "RESTRICTED");
        // a hidden link between visible people is no bridge either
        Fixtures.relate(OWNER, a, d, "COMMUNICATES_WITH", "TOP_SECRET", "X");

        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + b + "/graph?depth=2")
                .then().statusCode(200).body("nodes.id", hasItems(a, b, hidden, c, d));
        given().auth().oauth2(OWNER).get("/api/intelligence/graph/path?from=" + a + "&to=" + c)
                .then().statusCode(200).body("found", equalTo(true)).body("length", equalTo(2))
                .body("nodes.id", contains(a, d, c));

        for (String token : new String[] { SECRET, TS_NO_X }) {
            given().auth().oauth2(token).get("/api/intelligence/entities/" + b + "/graph?depth=3")
                    .then().statusCode(200).body("nodes.id", containsInAnyOrder(a, b))
                    .body("edges", org.hamcrest.Matchers.hasSize(1));
            given().auth().oauth2(token).get("/api/intelligence/graph/path?from=" + a + "&to=" + c)
                    .then().statusCode(200).body("found", equalTo(false));
            given().auth().oauth2(token).get("/api/intelligence/entities/" + hidden + "/graph")
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/intelligence/graph/path?from=" + a + "&to=" + hidden)
                    .then().statusCode(404);
            given().auth().oauth2(token).get("/api/intelligence/entities/" + hidden).then().statusCode(404);
            given().auth().oauth2(token).get("/api/intelligence/entities?name=Hakim")
                    .then().statusCode(200).body("items.id", not(hasItem(hidden)));
        }
        given().auth().oauth2(OWNER).get("/api/intelligence/entities?name=Hakim")
                .then().statusCode(200).body("items.id", hasItem(hidden));
    }

    @Test
    void depthIsBoundedAndALargeNeighbourhoodIsRefused() {
        String hub = Fixtures.createEntity(OWNER, Fixtures.person("Moyeu Central", "RESTRICTED"));
        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + hub + "/graph?depth=4")
                .then().statusCode(400).body("errors.field", hasItem("depth"));
        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + hub + "/graph?depth=deep")
                .then().statusCode(400);
        // test profile bound: 25 nodes
        for (int i = 0; i < 26; i++) {
            String spoke = Fixtures.createEntity(OWNER, Fixtures.person("Rayon " + i, "RESTRICTED"));
            Fixtures.relate(OWNER, spoke, hub, "ASSOCIATE_OF", "RESTRICTED");
        }
        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + hub + "/graph?depth=1")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Graph too large"));
    }

    @Test
    void cellViewListsLeadersMembersAndOutsideLinks() {
        String cell = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"kind":"ORGANISATION","displayName":"Cellule Test","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"TERRORISM","classification":"SECRET",
                 "names":[{"name":"خلية الاختبار","type":"PRIMARY"},{"name":"Cellule Test","type":"PRIMARY"}]}""")
                .post("/api/intelligence/entities").then().statusCode(201)
                .body("names.script", contains("ARABIC", "LATIN")).extract().path("id");
        String leader = Fixtures.createEntity(OWNER, Fixtures.person("Chef Cellule", "SECRET"));
        String member = Fixtures.createEntity(OWNER, Fixtures.person("Membre Cellule", "SECRET"));
        String outsider = Fixtures.createEntity(OWNER, Fixtures.person("Financier Externe", "SECRET"));
        String hiddenMember = Fixtures.createEntity(OWNER, Fixtures.person("Membre Caché", "TOP_SECRET", "X"));
        Fixtures.relate(OWNER, leader, cell, "LEADS", "SECRET");
        Fixtures.relate(OWNER, member, cell, "MEMBER_OF", "SECRET");
        Fixtures.relate(OWNER, hiddenMember, cell, "MEMBER_OF", "SECRET");
        Fixtures.relate(OWNER, outsider, member, "FUNDS", "SECRET");

        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + cell + "/cell")
                .then().statusCode(200)
                .body("leaders.person.id", contains(leader))
                .body("members.person.id", containsInAnyOrder(member, hiddenMember))
                .body("externalLinks.to.id", contains(outsider));
        given().auth().oauth2(SECRET).get("/api/intelligence/entities/" + cell + "/cell")
                .then().statusCode(200).body("members.person.id", contains(member));
    }

    @Test
    void organisationStatusOnlyMovesForward() {
        String org = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"kind":"ORGANISATION","displayName":"Réseau Statut","organisationKind":"CRIMINAL_NETWORK",
                 "organisationStatus":"SUSPECTED","classification":"SECRET"}""")
                .post("/api/intelligence/entities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body("{\"status\":\"UNDER_SURVEILLANCE\",\"effectiveDate\":\"2025-02-01\"}")
                .post("/api/intelligence/entities/" + org + "/status")
                .then().statusCode(200).body("organisationStatus", equalTo("UNDER_SURVEILLANCE"))
                .body("statusSince", equalTo("2025-02-01"));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/intelligence/entities/" + org + "/status")
                .then().statusCode(409).body("errors.message", contains("DISMANTLED"));
        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + org + "/status-history")
                .then().statusCode(200).body("to", contains("SUSPECTED", "UNDER_SURVEILLANCE"));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body("{\"kind\":\"ORGANISATION\",\"displayName\":\"x\",\"classification\":\"SECRET\"}")
                .post("/api/intelligence/entities").then().statusCode(400)
                .body("errors.field", hasItems("organisationKind", "organisationStatus"));
    }
}
