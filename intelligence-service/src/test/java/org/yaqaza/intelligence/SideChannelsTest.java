package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue #16 item 2, the intelligence side channels: records a reader may not see change nothing the reader can
 * read — not the order of a walk, not the ids a case lists, not what an approval supersedes or its alert says.
 * Each test takes the reader's answer, adds records hidden from that reader, and asks again.
 */
@QuarkusTest
class SideChannelsTest {

    private static final String OWNER = Fixtures.user("side-owner", "analyst", "TOP_SECRET", "X");
    private static final String READER = Fixtures.user("side-reader", "analyst", "SECRET");
    private static final String SUPERVISOR = Fixtures.user("side-supervisor", "supervisor", "SECRET");
    private static final String HIGH_SUPERVISOR = Fixtures.user("side-high-supervisor", "supervisor", "TOP_SECRET",
            "X");

    @Test
    void graphRowsComeInAnOrderOfVisibleRowsAloneSoHiddenLinksCannotReorderThem() {
        String cell = Fixtures.createEntity(OWNER, """
                {"kind":"ORGANISATION","displayName":"خلية الترتيب","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"TERRORISM","classification":"RESTRICTED"}""");
        // created out of name order: the answer must not follow the order rows happen to be stored in
        String zaid = Fixtures.createEntity(OWNER, Fixtures.person("Zaid Ordre", "RESTRICTED"));
        String amine = Fixtures.createEntity(OWNER, Fixtures.person("Amine Ordre", "RESTRICTED"));
        String karim = Fixtures.createEntity(OWNER, Fixtures.person("Karim Ordre", "RESTRICTED"));
        for (String member : new String[] { zaid, amine, karim }) {
            Fixtures.relate(OWNER, member, cell, "MEMBER_OF", "RESTRICTED");
        }
        // two equally short paths from Amine to Karim: through Zaid (linked first) and through Badr
        String badr = Fixtures.createEntity(OWNER, Fixtures.person("Badr Ordre", "RESTRICTED"));
        Fixtures.relate(OWNER, amine, zaid, "ASSOCIATE_OF", "RESTRICTED");
        Fixtures.relate(OWNER, zaid, karim, "ASSOCIATE_OF", "RESTRICTED");
        Fixtures.relate(OWNER, amine, badr, "ASSOCIATE_OF", "RESTRICTED");
        Fixtures.relate(OWNER, badr, karim, "ASSOCIATE_OF", "RESTRICTED");

        String cellBefore = cell(cell);
        String pathBefore = path(amine, karim);
        String graphBefore = graph(amine);
        given().auth().oauth2(READER).get("/api/intelligence/entities/" + cell + "/cell").then()
                .body("members.person.displayName", contains("Amine Ordre", "Karim Ordre", "Zaid Ordre"));
        given().auth().oauth2(READER).get("/api/intelligence/graph/path?from=" + amine + "&to=" + karim).then()
                .body("nodes.displayName", contains("Amine Ordre", "Badr Ordre", "Karim Ordre"));

        // hidden members, hidden namesakes and hidden links between the visible people
        for (int i = 0; i < 12; i++) {
            String hidden = Fixtures.createEntity(OWNER, Fixtures.person("Amine Ordre " + i, "TOP_SECRET", "X"));
            Fixtures.relate(OWNER, hidden, cell, "MEMBER_OF", "RESTRICTED");
            Fixtures.relate(OWNER, amine, hidden, "ASSOCIATE_OF", "RESTRICTED");
            Fixtures.relate(OWNER, hidden, karim, "ASSOCIATE_OF", "RESTRICTED");
        }
        Fixtures.relate(OWNER, amine, karim, "COMMUNICATES_WITH", "TOP_SECRET", "X");
        Fixtures.relate(OWNER, karim, cell, "LEADS", "TOP_SECRET", "X");

        assertEquals(cellBefore, cell(cell));
        assertEquals(pathBefore, path(amine, karim));
        assertEquals(graphBefore, graph(amine));
    }

    @Test
    void aCaseListsOnlyTheEntitiesAndReportsItsReaderMaySee() {
        String seenPerson = Fixtures.createEntity(OWNER, Fixtures.person("Hamza Dossier", "RESTRICTED"));
        String seenReport = Fixtures.createReport(OWNER, Fixtures.report("تقرير الملف", "RESTRICTED"));
        String hiddenPerson = Fixtures.createEntity(OWNER, Fixtures.person("Hamza Dossier", "TOP_SECRET", "X"));
        String hiddenReport = Fixtures.createReport(OWNER, Fixtures.report("تقرير سري", "SECRET", "X"));
        String plain = openCase(List.of(seenPerson), List.of(seenReport));
        // the hidden ones listed first and in between: neither their ids nor their places may show
        String shadowed = openCase(List.of(hiddenPerson, seenPerson), List.of(hiddenReport, seenReport));

        for (String id : new String[] { plain, shadowed }) {
            given().auth().oauth2(READER).get("/api/intelligence/cases/" + id).then().statusCode(200)
                    .body("entityIds", contains(seenPerson)).body("reportIds", contains(seenReport));
        }
        given().auth().oauth2(READER).get("/api/intelligence/cases?limit=500").then().statusCode(200)
                .body("items.find { it.id == '" + shadowed + "' }.entityIds", contains(seenPerson))
                .body("items.find { it.id == '" + shadowed + "' }.reportIds", contains(seenReport));
        // who may see everything still reads the case as it was made, in its order
        given().auth().oauth2(OWNER).get("/api/intelligence/cases/" + shadowed).then().statusCode(200)
                .body("entityIds", contains(hiddenPerson, seenPerson))
                .body("reportIds", contains(hiddenReport, seenReport));
    }

    @Test
    void approvalSupersedesOnlyWhatTheApproverSeesAndItsAlertNamesNoHiddenLevel() {
        String plain = Fixtures.createEntity(OWNER, Fixtures.person("Nasser Chahed", "RESTRICTED"));
        String shadowed = Fixtures.createEntity(OWNER, Fixtures.person("Nasser Chahed", "RESTRICTED"));
        String hiddenEarlier = assess(OWNER, shadowed, "MODERATE", "TOP_SECRET", "X");
        approve(HIGH_SUPERVISOR, hiddenEarlier);

        approve(SUPERVISOR, assess(READER, plain, "SEVERE", "SECRET"));
        approve(SUPERVISOR, assess(READER, shadowed, "SEVERE", "SECRET"));

        // the same alert for both: the hidden MODERATE is neither named nor compared with
        assertEquals(alertTexts(plain), alertTexts(shadowed));
        // and the approval did not touch what its approver may not see
        given().auth().oauth2(OWNER).get("/api/intelligence/assessments/" + hiddenEarlier).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        assertEquals(List.of("Threat level of Nasser Chahed raised to SEVERE (TERRORISM)"), alertTexts(plain));
    }

    @Test
    void anEarlierLevelIsNamedOnlyWhenEveryReaderOfTheAlertMayReadIt() {
        Raise same = moderateThenSevere("Rachid Niveau", "SECRET");
        assertEquals(List.of("Threat level of Rachid Niveau raised from MODERATE to SEVERE (TERRORISM)",
                "Threat level of Rachid Niveau raised to MODERATE (TERRORISM)"), alertTexts(same.subject()));
        // the approver sees the SECRET one and supersedes it, but RESTRICTED readers of the alert may not
        Raise lower = moderateThenSevere("Omar Niveau", "RESTRICTED");
        assertEquals(List.of("Threat level of Omar Niveau raised to SEVERE (TERRORISM)",
                "Threat level of Omar Niveau raised to MODERATE (TERRORISM)"), alertTexts(lower.subject()));
        for (String earlier : List.of(same.earlier(), lower.earlier())) {
            given().auth().oauth2(READER).get("/api/intelligence/assessments/" + earlier).then()
                    .body("status", equalTo("SUPERSEDED"));
        }
    }

    private record Raise(String subject, String earlier) {
    }

    /** A person with an approved SECRET MODERATE assessment, then a SEVERE one at {@code marking}, approved. */
    private static Raise moderateThenSevere(String name, String marking) {
        String subject = Fixtures.createEntity(OWNER, Fixtures.person(name, "RESTRICTED"));
        String earlier = assess(READER, subject, "MODERATE", "SECRET");
        approve(HIGH_SUPERVISOR, earlier);
        approve(SUPERVISOR, assess(READER, subject, "SEVERE", marking));
        return new Raise(subject, earlier);
    }

    private static String assess(String token, String subject, String level, String classification,
            String... compartments) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"%s","category":"TERRORISM","rationale":"تواصل مع خلية نشطة",
                 "nextReview":"2030-01-01","classification":"%s","compartments":%s}""".formatted(subject, level,
                classification, ids(List.of(compartments))))
                .post("/api/intelligence/assessments").then().statusCode(201).extract().path("id");
    }

    private static void approve(String supervisor, String assessment) {
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/assessments/" + assessment + "/approve").then().statusCode(200);
    }

    /** The texts of the subject's alerts as a SECRET supervisor reads them, newest first. */
    private static List<String> alertTexts(String subject) {
        return given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500").then().statusCode(200)
                .extract().jsonPath()
                .getList("findAll { it.entityId == '" + subject + "' }.message", String.class);
    }

    private static String openCase(List<String> entityIds, List<String> reportIds) {
        return given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"title":"ملف المتابعة","category":"TERRORISM","classification":"RESTRICTED",
                 "entityIds":%s,"reportIds":%s}""".formatted(ids(entityIds), ids(reportIds)))
                .post("/api/intelligence/cases").then().statusCode(201).extract().path("id");
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String cell(String id) {
        return given().auth().oauth2(READER).get("/api/intelligence/entities/" + id + "/cell").then()
                .statusCode(200).extract().asString();
    }

    private static String path(String from, String to) {
        return given().auth().oauth2(READER).get("/api/intelligence/graph/path?from=" + from + "&to=" + to).then()
                .statusCode(200).body("found", equalTo(true)).extract().asString();
    }

    private static String graph(String root) {
        return given().auth().oauth2(READER).get("/api/intelligence/entities/" + root + "/graph?depth=2").then()
                .statusCode(200).extract().asString();
    }
}
