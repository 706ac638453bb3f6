package org.yaqaza.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Every error path answers an RFC 9457 problem with the request id, and never leaks internals. Run by each
 * service against one of its JSON-accepting POST routes.
 */
public abstract class ProblemContractTest {

    /** A POST route taking a JSON body. */
    protected abstract String postPath();

    /** A token allowed to POST there. */
    protected abstract String writerToken();

    /** A body with at least two invalid fields, and their names as the problem must list them. */
    protected abstract String bodyWithInvalidFields();

    protected abstract String[] invalidFieldNames();

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post(postPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("requestId", notNullValue())
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void everyInvalidFieldIsListed() {
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body(bodyWithInvalidFields())
                .when().post(postPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(invalidFieldNames()));
    }

    @Test
    void wrongMediaTypeIsA415Problem() {
        given().auth().oauth2(writerToken()).contentType(ContentType.XML).body("<report/>")
                .when().post(postPath())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownRouteIsA404Problem() {
        given().auth().oauth2(writerToken()).when().get(postPath() + "/no/such/route/here")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/definitely-not-a-route")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aSuppliedRequestIdIsKeptAndEchoed() {
        given().header("X-Request-ID", "req-abc-123").auth().oauth2(writerToken())
                .contentType(ContentType.JSON).body("[")
                .when().post(postPath())
                .then().statusCode(400)
                .header("X-Request-ID", "req-abc-123")
                .body("requestId", equalTo("req-abc-123"));
    }

    @Test
    void aHostileRequestIdIsReplaced() {
        given().header("X-Request-ID", "bad id\u0000<script>").auth().oauth2(writerToken())
                .contentType(ContentType.JSON).body("[")
                .when().post(postPath())
                .then().statusCode(400)
                .header("X-Request-ID", not(containsString("script")));
    }
}
