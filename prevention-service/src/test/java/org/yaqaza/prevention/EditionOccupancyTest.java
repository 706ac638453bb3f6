package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An edition's occupancy ({@code placesTaken}, {@code waiting}) and an applicant's {@code waitingPosition} count
 * only the participants the reader may work on (issue 16): a participant in a compartment the reader lacks moves
 * none of them. Capacity decisions still count everyone, so nobody is enrolled into a full edition.
 */
@QuarkusTest
class EditionOccupancyTest {

    @Test
    void hiddenParticipantsMoveNeitherOccupancyNorWaitingPositions() {
        String cleared = Fixtures.officer("SECRET", "MHAI", "RECON-X");
        String uncleared = Fixtures.officer();
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 3);
        String first = Fixtures.enrol(edition, Fixtures.anyParticipant());
        List<Object> before = occupancy(uncleared, edition);

        String hiddenEnrolled = Fixtures.enrolAs(cleared, edition, Fixtures.compartmentedParticipant(cleared,
                "RECON-X", "سعاد بنعلي", "Souad Benali", "CX210077"));
        state(cleared, hiddenEnrolled, "ENROLLED", null);
        assertOccupancy(uncleared, edition, before);

        String second = Fixtures.enrol(edition, Fixtures.anyParticipant());
        state(uncleared, second, "ENROLLED", null);
        // the edition is full (three places, one taken by a hidden participant): the true number decides
        String waitingFirst = Fixtures.enrol(edition, Fixtures.anyParticipant());
        state(uncleared, waitingFirst, "WAITLISTED", 1);
        String hiddenWaiting = Fixtures.enrolAs(cleared, edition, Fixtures.compartmentedParticipant(cleared,
                "RECON-X", "حميد الإدريسي", "Hamid El Idrissi", "CX210078"));
        state(cleared, hiddenWaiting, "WAITLISTED", 2);
        String waitingLast = Fixtures.enrol(edition, Fixtures.anyParticipant());

        // the uncleared reader: two places taken, two waiting, the last applicant second in line
        given().auth().oauth2(uncleared).get("/api/prevention/editions/" + edition).then().statusCode(200)
                .body("placesTaken", equalTo(2)).body("waiting", equalTo(2));
        state(uncleared, waitingLast, "WAITLISTED", 2);
        // the cleared reader sees everyone
        given().auth().oauth2(cleared).get("/api/prevention/editions/" + edition).then().statusCode(200)
                .body("placesTaken", equalTo(3)).body("waiting", equalTo(3));
        state(cleared, waitingLast, "WAITLISTED", 3);
        // the edition's enrolment list answers the same
        given().auth().oauth2(uncleared).get("/api/prevention/editions/" + edition + "/enrolments").then()
                .statusCode(200).body("find { it.id == '" + waitingLast + "' }.waitingPosition", equalTo(2));

        // a visible place freed: the hidden applicant, first in the true line after waitingFirst, is promoted in turn
        Fixtures.move(first, "WITHDRAWN").statusCode(200);
        state(uncleared, waitingFirst, "ENROLLED", null);
        state(uncleared, waitingLast, "WAITLISTED", 1);
        state(cleared, waitingLast, "WAITLISTED", 2);
    }

    private static List<Object> occupancy(String token, String edition) {
        var body = given().auth().oauth2(token).get("/api/prevention/editions/" + edition).then().statusCode(200)
                .extract();
        return List.of(body.path("placesTaken"), body.path("waiting"));
    }

    private static void assertOccupancy(String token, String edition, List<Object> expected) {
        given().auth().oauth2(token).get("/api/prevention/editions/" + edition).then().statusCode(200)
                .body("placesTaken", equalTo(expected.get(0))).body("waiting", equalTo(expected.get(1)));
    }

    private static void state(String token, String enrolment, String state, Integer waitingPosition) {
        given().auth().oauth2(token).get("/api/prevention/enrolments/" + enrolment).then().statusCode(200)
                .body("state", equalTo(state)).body("waitingPosition", equalTo(waitingPosition));
    }
}
