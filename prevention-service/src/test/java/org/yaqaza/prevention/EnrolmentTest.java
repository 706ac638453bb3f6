package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EnrolmentTest {

    @Test
    void theStateMachineRefusesSkippedStatesAndNamesTheAllowedOnes() {
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 5);
        String enrolment = Fixtures.apply(edition, Fixtures.anyParticipant());
        Fixtures.move(enrolment, "ACTIVE").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Allowed next states: SCREENED, WITHDRAWN, EXCLUDED"));
        Fixtures.move(enrolment, "SCREENED").statusCode(200).body("state", equalTo("SCREENED"));
        Fixtures.move(enrolment, "ENROLLED").statusCode(200).body("state", equalTo("ENROLLED"));
        Fixtures.move(enrolment, "ACTIVE").statusCode(200);
        Fixtures.move(enrolment, "COMPLETED").statusCode(200).body("allowedNext.size()", equalTo(0));
        Fixtures.move(enrolment, "WITHDRAWN").statusCode(409)
                .body("detail", containsString("none (final state)"));
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/enrolments/" + enrolment + "/transitions")
                .then().statusCode(200).body("size()", equalTo(4)).body("[3].to", equalTo("COMPLETED"));
    }

    @Test
    void theNextApplicantBeyondCapacityWaitsAndIsPromotedWhenSomeoneWithdraws() {
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 2);
        String first = Fixtures.enrol(edition, Fixtures.anyParticipant());
        Fixtures.enrol(edition, Fixtures.anyParticipant());
        String third = Fixtures.enrol(edition, Fixtures.anyParticipant());
        String fourth = Fixtures.enrol(edition, Fixtures.anyParticipant());
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/enrolments/" + third).then()
                .body("state", equalTo("WAITLISTED")).body("waitingPosition", equalTo(1));
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/enrolments/" + fourth).then()
                .body("state", equalTo("WAITLISTED")).body("waitingPosition", equalTo(2));
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/editions/" + edition).then()
                .body("placesTaken", equalTo(2)).body("waiting", equalTo(2));

        Fixtures.move(first, "WITHDRAWN").statusCode(200);

        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/enrolments/" + third).then()
                .body("state", equalTo("ENROLLED"));
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/enrolments/" + fourth).then()
                .body("state", equalTo("WAITLISTED")).body("waitingPosition", equalTo(1));
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/editions/" + edition).then()
                .body("placesTaken", equalTo(2)).body("waiting", equalTo(1));
    }

    @Test
    void concurrentEnrolmentsNeverExceedCapacity() throws Exception {
        int capacity = 3;
        int applicants = 12;
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), capacity);
        List<String> screened = new ArrayList<>();
        for (int i = 0; i < applicants; i++) {
            String id = Fixtures.apply(edition, Fixtures.anyParticipant());
            Fixtures.move(id, "SCREENED").statusCode(200);
            screened.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(applicants);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (String id : screened) {
                calls.add(() -> Fixtures.move(id, "ENROLLED").statusCode(200).extract().path("state"));
            }
            List<String> states = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                states.add(f.get());
            }
            assertEquals(capacity, states.stream().filter("ENROLLED"::equals).count(), states.toString());
            assertEquals(applicants - capacity, states.stream().filter("WAITLISTED"::equals).count());
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/editions/" + edition).then()
                .body("placesTaken", equalTo(capacity)).body("waiting", equalTo(applicants - capacity));
    }

    @Test
    void reconciliationRequiresAVoluntaryApplication() {
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 5);
        String code = Fixtures.anyParticipant();
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"voluntary\":false,\"appliedOn\":\"2024-01-05\"}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(422)
                .body("detail", containsString("voluntary"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(Fixtures.programme("RESTRICTED").replace("\"capacity\":25",
                        "\"capacity\":25,\"voluntaryApplicationRequired\":false"))
                .post("/api/prevention/programmes").then().statusCode(422);
    }

    @Test
    void applyingTwiceOrWithAnUnknownParticipantIsRefused() {
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 5);
        String code = Fixtures.anyParticipant();
        Fixtures.apply(edition, code);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"voluntary\":true,\"appliedOn\":\"2024-01-05\"}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(409);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"YQ-0000-0000\",\"voluntary\":true,\"appliedOn\":\"2024-01-05\"}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(404);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"voluntary\":true}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("participantCode", "appliedOn"));
    }
}
