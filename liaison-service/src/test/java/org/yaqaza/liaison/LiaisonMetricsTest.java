package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.testsupport.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The liaison gauges at /q/metrics follow the state of the outbox and of the warnings (recomputed every second in
 * tests): a delivery held up raises the backlog and its age, a message the intelligence-service refuses is counted
 * as parked, and a warning left past its deadline while the escalation job cannot take it is counted until it is
 * escalated.
 */
@QuarkusTest
class LiaisonMetricsTest {

    private static final String PENDING = "yaqaza_outbox_pending";
    private static final String OLDEST_AGE = "yaqaza_outbox_oldest_pending_age_seconds";
    private static final String FAILED = "yaqaza_outbox_failed";
    private static final String OVERDUE = "yaqaza_warnings_overdue_unescalated";
    private static final int WAIT_SECONDS = 30;

    private static final String ARTICLE = """
            {"title":"تقرير عن تحويلات مالية مشبوهة إلى خلية في الساحل",
             "body":"رصدت تحويلات متكررة عبر وكالات صرف في الدار البيضاء لفائدة أشخاص مرتبطين بالخلية.",
             "language":"ar","reliability":"C","credibility":3,"classification":"RESTRICTED","tlp":"GREEN"}""";

    @Test
    void aHeldUpDeliveryRaisesTheBacklogAndItsAgeUntilItIsDelivered() throws Exception {
        double before = PrometheusText.await(WAIT_SECONDS, v -> !Double.isNaN(v), PENDING);
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        IntelligenceStub.stop();
        try {
            given().auth().oauth2(Fixtures.partnerToken(partner)).contentType(ContentType.JSON).body(ARTICLE)
                    .post("/api/liaison/partner/intelligence").then().statusCode(202);
            double pending = PrometheusText.await(WAIT_SECONDS, v -> v >= before + 1, PENDING);
            assertTrue(pending >= before + 1, "the undelivered message is counted: " + before + " -> " + pending);
            double age = PrometheusText.await(WAIT_SECONDS, v -> v >= 1, OLDEST_AGE);
            assertTrue(age >= 1, "the oldest pending message ages while the service is down: " + age);
        } finally {
            IntelligenceStub.restart();
        }
        double after = PrometheusText.await(WAIT_SECONDS, v -> v <= before, PENDING);
        assertTrue(after <= before, "delivered once the service is back: " + after + " pending");
    }

    @Test
    void aMessageTheIntelligenceServiceRefusesIsCountedAsParked() throws Exception {
        double before = PrometheusText.await(WAIT_SECONDS, v -> !Double.isNaN(v), FAILED);
        UUID id = UUID.randomUUID();
        // not a PARTNER report: the intelligence-service (stub) answers 422 and the dispatcher parks it
        try (Connection c = PostgresTestResource.superuser("liaison"); PreparedStatement insert = c.prepareStatement(
                "insert into outbox (id, topic, aggregate_id, idempotency_key, payload, status, attempts, "
                        + "next_attempt_at, created_at) values (?, 'report.create', ?, ?, ?::jsonb, 'PENDING', 0, "
                        + "now(), now())")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, "metrics-test-" + id);
            insert.setString(4, "{\"sourceType\":\"INTERNAL\",\"title\":\"رسالة مرفوضة\"}");
            insert.executeUpdate();
        }
        try {
            double failed = PrometheusText.await(WAIT_SECONDS, v -> v >= before + 1, FAILED);
            assertEquals(before + 1, failed, "the parked message is counted");
            assertEquals("FAILED", outboxStatus(id));
        } finally {
            try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement()) {
                s.executeUpdate("delete from outbox where id = '" + id + "'");
            }
        }
        assertEquals(before, PrometheusText.await(WAIT_SECONDS, v -> v <= before, FAILED), "gone once removed");
    }

    @Test
    void aWarningPastItsDeadlineThatTheEscalationJobCannotTakeIsCountedUntilEscalated() throws Exception {
        double before = PrometheusText.await(WAIT_SECONDS, v -> !Double.isNaN(v), OVERDUE);
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body("""
                {"partner":"%s","precedence":"FLASH","tlp":"RED","category":"TERRORISM",
                 "title":"تحذير عاجل: تهديد لميناء طنجة المتوسط",
                 "body":"A vehicle loaded with explosives may try to board a ferry tonight.",
                 "classification":"CONFIDENTIAL"}""".formatted(partner))
                .post("/api/liaison/warnings").then().statusCode(201).extract().path("id");
        // a stuck escalation, as the job sees it: the row is locked, and the job skips locked rows
        try (Connection c = PostgresTestResource.superuser("liaison")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("select id from warning where id = '" + id + "' for update").close();
            }
            // FLASH is 6 s in tests
            double overdue = PrometheusText.await(WAIT_SECONDS, v -> v >= before + 1, OVERDUE);
            assertEquals(before + 1, overdue, "the overdue, unescalated warning is counted");
            c.rollback();
        }
        double after = PrometheusText.await(WAIT_SECONDS, v -> v <= before, OVERDUE);
        assertEquals(before, after, "no longer counted once the job has escalated it");
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/warnings/" + id).then().statusCode(200)
                .body("escalatedAt", org.hamcrest.Matchers.notNullValue());
    }

    private static String outboxStatus(UUID id) throws Exception {
        try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select status from outbox where id = '" + id + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
