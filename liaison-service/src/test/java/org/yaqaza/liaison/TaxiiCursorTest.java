package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

import org.yaqaza.liaison.taxii.TaxiiStore;

/**
 * The TAXII {@code next} cursor is opaque and per partner (issue 16): paging one object at a time, a partner cannot
 * tell from its cursors how many objects were released to other partners in between, and a cursor it did not get
 * for that collection is refused.
 */
@QuarkusTest
class TaxiiCursorTest {

    private static final String TAXII = "application/taxii+json;version=2.1";

    @Inject
    TaxiiStore store;

    @Test
    void cursorsSayNothingAboutObjectsReleasedToOthers() {
        String reader = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String other = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(add(reader, 1).get(0));
            add(other, 7 * (i + 1)); // others' releases in between, a different number each time
        }
        String token = Fixtures.partnerToken(reader);
        String objects = objects(token);

        List<String> seen = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String next = null;
        do {
            ExtractableResponse<Response> page = page(token, objects, next);
            seen.addAll(page.path("objects.id"));
            next = Boolean.TRUE.equals(page.path("more")) ? page.path("next") : null;
            if (next != null) {
                cursors.add(next);
            }
        } while (next != null);

        assertEquals(expected, seen, "the partner pages through exactly its own objects, in order");
        assertEquals(2, cursors.size());
        for (String cursor : cursors) {
            assertFalse(cursor.matches("[0-9]+"), "a cursor is not a position one can subtract: " + cursor);
        }
        assertEquals(1, cursors.stream().map(String::length).collect(Collectors.toSet()).size(),
                "every cursor has the same length: " + cursors);
        // the same page read again gives a different cursor: cursors cannot even be compared for equality
        String again = page(token, objects, null).path("next");
        assertNotEquals(cursors.get(0), again);
        assertEquals(seen.subList(1, 3), walkFrom(token, objects, again), "the new cursor continues just as well");
    }

    @Test
    void aCursorIsRefusedOutsideThePartnerAndCollectionItWasIssuedFor() {
        String owner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String stranger = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        add(owner, 3);
        add(stranger, 3);
        String ownerToken = Fixtures.partnerToken(owner);
        String strangerToken = Fixtures.partnerToken(stranger);
        String cursor = page(ownerToken, objects(ownerToken), null).path("next");
        assertNotNull(cursor);

        // another partner replays it on its own collection
        refused(strangerToken, objects(strangerToken), cursor);
        // one character changed
        char flipped = cursor.charAt(5) == 'A' ? 'B' : 'A';
        refused(ownerToken, objects(ownerToken), cursor.substring(0, 5) + flipped + cursor.substring(6));
        // the old, numeric form: a position guessed or counted
        refused(ownerToken, objects(ownerToken), "1");
        // the manifest of the same collection takes it (same partner, same collection)
        given().auth().oauth2(ownerToken).accept(TAXII).queryParam("limit", 1).queryParam("next", cursor)
                .get(objects(ownerToken).replace("/objects/", "/manifest/")).then().statusCode(200);
    }

    private static void refused(String token, String objects, String cursor) {
        given().auth().oauth2(token).accept(TAXII).queryParam("limit", 1).queryParam("next", cursor).get(objects)
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Invalid next"));
    }

    private List<String> walkFrom(String token, String objects, String next) {
        List<String> seen = new ArrayList<>();
        while (next != null) {
            ExtractableResponse<Response> page = page(token, objects, next);
            seen.addAll(page.path("objects.id"));
            next = Boolean.TRUE.equals(page.path("more")) ? page.path("next") : null;
        }
        return seen;
    }

    private static ExtractableResponse<Response> page(String token, String objects, String next) {
        var request = given().auth().oauth2(token).accept(TAXII).queryParam("limit", 1);
        if (next != null) {
            request = request.queryParam("next", next);
        }
        return request.get(objects).then().statusCode(200).extract();
    }

    private static String objects(String token) {
        String collection = given().auth().oauth2(token).accept(TAXII).get("/taxii2/liaison/collections/").then()
                .statusCode(200).extract().path("collections.find { it.can_read }.id");
        return "/taxii2/liaison/collections/" + collection + "/objects/";
    }

    /** Adds {@code n} indicators to the partner's collection in one transaction; their ids. */
    private List<String> add(String partner, int n) {
        List<ObjectNode> objects = TaxiiTest.indicators(n);
        QuarkusTransaction.requiringNew().run(() -> store.add(partner, null, objects));
        return objects.stream().map(o -> o.get("id").asText()).toList();
    }
}
