package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.ProblemContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IntelligenceProblemContractTest extends ProblemContractTest {

    @Override
    protected String postPath() {
        return "/api/intelligence/reports";
    }

    @Override
    protected String writerToken() {
        return Fixtures.analyst("SECRET");
    }

    @Override
    protected String bodyWithInvalidFields() {
        return Fixtures.report("", "SECRET").replace("\"B\"", "\"G\"").replace("\"credibility\":2", "\"credibility\":7");
    }

    @Override
    protected String[] invalidFieldNames() {
        return new String[] { "reliability", "credibility", "title" };
    }

    @Test
    void unknownEnumValueNamesTheField() {
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON)
                .body(Fixtures.report("x", "SECRET").replace("HUMINT", "GOSSIP"))
                .post(postPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sourceType"));
    }

    @Test
    void intrusiveCollectionWithoutAuthorisationIs422() {
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON)
                .body(Fixtures.report("intercept", "SECRET").replace("HUMINT", "SIGINT"))
                .post(postPath())
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Legal authorisation required"));
    }

    @Test
    void staleVersionIs409AndNothingChanges() {
        String token = writerToken();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.report("original", "SECRET")).post(postPath())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.report("first edit", "SECRET")).put(postPath() + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.report("lost update", "SECRET")).put(postPath() + "/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(token).get(postPath() + "/" + id)
                .then().statusCode(200).body("title", equalTo("first edit"));
    }

    @Test
    void malformedIdIsA404ProblemNotA500() {
        given().auth().oauth2(writerToken()).get(postPath() + "/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void markingTooLargeForTheDatabaseIs422AndNothingIsStored() {
        // 20 compartments and 50 shared-with codes of 40 characters each pass validation, but together exceed the
        // size of an entry of the entity visibility index (V20_8_1): the database refuses, the client hears why
        String[] compartments = IntStream.range(0, 20).mapToObj(i -> code("C", i)).toArray(String[]::new);
        String token = Fixtures.analyst("SECRET", compartments);
        String shared = IntStream.range(0, 50).mapToObj(i -> "\"" + code("A", i) + "\"")
                .collect(Collectors.joining(","));
        String name = "Marking Trop Longue " + System.nanoTime();
        String body = Fixtures.person(name, "SECRET", compartments).replace("}", ",\"sharedWith\":[" + shared + "]}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/intelligence/entities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Values too large"))
                .body("detail", not(containsString("index")));
        given().auth().oauth2(token).queryParam("name", name).get("/api/intelligence/entities")
                .then().statusCode(200).body("items", hasSize(0));
        // the same person with a shorter marking is stored and listed: the refusal was the size, nothing else
        Fixtures.createEntity(token, Fixtures.person(name, "SECRET", compartments[0]));
        given().auth().oauth2(token).queryParam("name", name).get("/api/intelligence/entities")
                .then().statusCode(200).body("items", hasSize(1));
    }

    /** A distinct 40-character code (A-Z, 0-9) that does not compress: the index entry keeps its full size. */
    private static String code(String prefix, int i) {
        StringBuilder code = new StringBuilder(prefix).append(i);
        Random random = new Random(31L * i + prefix.hashCode());
        while (code.length() < 40) {
            code.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(random.nextInt(36)));
        }
        return code.toString();
    }
}
