package org.yaqaza.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit trail as every service must keep it: a valid hash chain under concurrent writers, tampering found
 * and named by {@code /audit/verify} and by the background verification's gauge, and UPDATE/DELETE refused to
 * the service's own database role.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class AuditContractTest {

    private static final String CHAIN_VALID = "yaqaza_audit_chain_valid";
    private static final String LAST_VERIFICATION = "yaqaza_audit_chain_last_verification_timestamp_seconds";

    /** Service name: the database and the {@code /api/<service>/audit} prefix. */
    protected abstract String service();

    /** One audited write through the service's HTTP API; must answer 2xx. */
    protected abstract void auditedWrite(int n);

    private String auditPath() {
        return "/api/" + service() + "/audit";
    }

    protected String auditorToken() {
        return PostgresTestResource.primary().token().subject("auditor-1").roles("auditor")
                .clearance("TOP_SECRET").sign();
    }

    @Test
    @Order(1)
    void concurrentWritersProduceAValidChain() throws Exception {
        int before = given().auth().oauth2(auditorToken()).get(auditPath() + "/verify")
                .then().statusCode(200).body("status", equalTo("valid"))
                .extract().path("eventsChecked");
        int writers = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int base = w * each;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        auditedWrite(base + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        int chains = given().auth().oauth2(auditorToken()).get(auditPath() + "/verify")
                .then().statusCode(200)
                .body("status", equalTo("valid"))
                .body("eventsChecked", greaterThanOrEqualTo(before + writers * each))
                .extract().path("chains");
        // several chains, each numbered 1..n without a gap or a twin; verify walked every one of them
        try (Connection c = PostgresTestResource.superuser(service()); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(distinct chain), count(*) - count(distinct (chain, chain_seq)),"
                        + " coalesce(sum(case when n = top then 0 else 1 end), 0) from (select chain, chain_seq,"
                        + " count(*) over (partition by chain) as n, max(chain_seq) over (partition by chain) as top"
                        + " from audit_event) e")) {
            rs.next();
            assertTrue(rs.getInt(1) > 1, "concurrent writers spread over several chains: " + rs.getInt(1));
            assertEquals(rs.getInt(1), chains, "verify walked every chain");
            assertEquals(0, rs.getLong(2), "no position taken twice");
            assertEquals(0, rs.getLong(3), "every chain numbered without a gap");
        }
    }

    @Test
    @Order(2)
    void auditorsCanPageThroughTheTrail() {
        auditedWrite(1000);
        String next = given().auth().oauth2(auditorToken()).queryParam("limit", 1).get(auditPath())
                .then().statusCode(200).extract().path("nextCursor");
        given().auth().oauth2(auditorToken()).queryParam("limit", 1).queryParam("cursor", next).get(auditPath())
                .then().statusCode(200).body("items[0].seq", greaterThan(Integer.parseInt(next)));
        given().auth().oauth2(auditorToken()).queryParam("cursor", "not-a-cursor").get(auditPath())
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Sorted pages of one time window, read two rows at a time, hold every event of the window exactly once, in
     * the asked order (ties by sequence number); a bad sort or a cursor of another order is a 400.
     */
    @Test
    @Order(2)
    void auditorsCanSortTheTrail() {
        String from = java.time.Instant.now().minusSeconds(1).toString();
        for (int n = 0; n < 5; n++) {
            auditedWrite(2000 + n);
        }
        // a closed window: events written later (background jobs) cannot change what the pages hold
        String to = java.time.Instant.now().plusMillis(1).toString();
        List<Integer> chain = new ArrayList<>();
        for (Map<String, Object> e : sortedPages(from, to, null)) {
            chain.add((Integer) e.get("seq"));
        }
        assertTrue(chain.size() >= 5, "the window holds the writes");
        for (String sort : List.of("-occurredAt", "occurredAt", "actor", "-action")) {
            List<Map<String, Object>> rows = sortedPages(from, to, sort);
            List<Integer> seqs = rows.stream().map(e -> (Integer) e.get("seq")).toList();
            assertEquals(new java.util.TreeSet<>(chain), new java.util.TreeSet<>(seqs), sort + ": same events");
            assertEquals(seqs.size(), new java.util.HashSet<>(seqs).size(), sort + ": no event twice");
            String field = sort.replace("-", "").replace("actor", "subject");
            boolean descending = sort.startsWith("-");
            for (int i = 1; i < rows.size(); i++) {
                String a = String.valueOf(rows.get(i - 1).get(field));
                String b = String.valueOf(rows.get(i).get(field));
                int byKey = field.equals("occurredAt") ? java.time.Instant.parse(a).compareTo(java.time.Instant.parse(b))
                        : a.compareTo(b);
                int cmp = byKey != 0 ? byKey : Integer.compare(seqs.get(i - 1), seqs.get(i));
                assertTrue(descending ? cmp > 0 : cmp < 0, sort + " out of order at " + i + ": " + a + " / " + b);
            }
        }
        given().auth().oauth2(auditorToken()).queryParam("sort", "hash").get(auditPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"))
                .body("detail", org.hamcrest.Matchers.containsString("-occurredAt"));
        String next = given().auth().oauth2(auditorToken()).queryParam("limit", 1).queryParam("sort", "actor")
                .queryParam("from", from).get(auditPath()).then().statusCode(200).extract().path("nextCursor");
        given().auth().oauth2(auditorToken()).queryParam("sort", "-actor").queryParam("cursor", next)
                .get(auditPath()).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(auditorToken()).queryParam("cursor", next).get(auditPath()).then().statusCode(400);
    }

    private List<Map<String, Object>> sortedPages(String from, String to, String sort) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(auditorToken()).queryParam("limit", 2).queryParam("from", from)
                    .queryParam("to", to);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(auditPath()).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && all.size() < 2000);
        return all;
    }

    @Test
    @Order(3)
    void nonAuditorsCannotReadTheTrail() {
        String analyst = PostgresTestResource.primary().token().roles("analyst").clearance("TOP_SECRET").sign();
        given().auth().oauth2(analyst).get(auditPath()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void theServiceRoleCannotUpdateOrDeleteAuditEvents() throws SQLException {
        auditedWrite(2000);
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update audit_event set subject = 'x'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_event"));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate audit_event"));
        }
        // not even the schema owner may change history: the trigger refuses
        try (Connection c = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
                Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update audit_event set subject = 'x' where seq = 1"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
    }

    @Test
    @Order(5)
    void aRowChangedBehindTheServiceIsNamedByVerify() throws SQLException {
        auditedWrite(3000);
        Tampered tampered = tamperSecondLastEvent();
        try {
            int broken = given().auth().oauth2(auditorToken()).get(auditPath() + "/verify")
                    .then().statusCode(200).body("status", equalTo("broken"))
                    .extract().path("firstBrokenSeq");
            assertEquals(tampered.seq(), broken);
        } finally {
            restore(tampered);
        }
        given().auth().oauth2(auditorToken()).get(auditPath() + "/verify")
                .then().statusCode(200).body("status", equalTo("valid"));
    }

    /** A changed, a deleted and a reordered event in a chain other than 0 are each found, and named with it. */
    @Test
    @Order(5)
    void breaksInAnyChainAreFound() throws SQLException {
        for (int n = 0; n < 24; n++) {
            auditedWrite(5000 + n);
        }
        try (Connection c = PostgresTestResource.superuser(service()); Statement s = c.createStatement()) {
            long chain;
            long top;
            try (var rs = s.executeQuery("select chain, max(chain_seq) from audit_event where chain <> 0"
                    + " group by chain having count(*) >= 3 order by count(*) desc limit 1")) {
                assertTrue(rs.next(), "a chain other than 0 with 3 events or more");
                chain = rs.getLong(1);
                top = rs.getLong(2);
            }
            long middle = seqAt(s, chain, top - 1);
            long last = seqAt(s, chain, top);
            s.execute("create temp table saved as select * from audit_event where seq = " + middle);
            s.execute("alter table audit_event disable trigger audit_event_no_change");
            try {
                // changed
                s.executeUpdate("update audit_event set detail = 'rewritten' where seq = " + middle);
                assertBroken(middle, chain, "content");
                s.executeUpdate("delete from audit_event where seq = " + middle);
                s.executeUpdate("insert into audit_event select * from saved");
                assertValid();
                // deleted: named by the event after the gap
                s.executeUpdate("delete from audit_event where seq = " + middle);
                assertBroken(last, chain, "missing");
                s.executeUpdate("insert into audit_event select * from saved");
                assertValid();
                // reordered: the two last events swap positions
                s.executeUpdate("update audit_event set chain_seq = -1 where seq = " + middle);
                s.executeUpdate("update audit_event set chain_seq = " + (top - 1) + " where seq = " + last);
                s.executeUpdate("update audit_event set chain_seq = " + top + " where seq = " + middle);
                assertBroken(last, chain, "");
                s.executeUpdate("update audit_event set chain_seq = -1 where seq = " + middle);
                s.executeUpdate("update audit_event set chain_seq = " + top + " where seq = " + last);
                s.executeUpdate("update audit_event set chain_seq = " + (top - 1) + " where seq = " + middle);
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_no_change");
            }
        }
        assertValid();
    }

    private static long seqAt(Statement s, long chain, long chainSeq) throws SQLException {
        try (var rs = s.executeQuery("select seq from audit_event where chain = " + chain + " and chain_seq = "
                + chainSeq)) {
            assertTrue(rs.next(), "event " + chainSeq + " of chain " + chain);
            return rs.getLong(1);
        }
    }

    private void assertBroken(long seq, long chain, String reason) {
        var verdict = given().auth().oauth2(auditorToken()).get(auditPath() + "/verify")
                .then().statusCode(200).body("status", equalTo("broken")).extract().jsonPath();
        assertEquals(seq, verdict.getLong("firstBrokenSeq"), verdict.prettify());
        assertEquals(chain, verdict.getLong("brokenChain"), verdict.prettify());
        assertTrue(verdict.getString("reason").contains(reason), verdict.prettify());
    }

    private void assertValid() {
        given().auth().oauth2(auditorToken()).get(auditPath() + "/verify")
                .then().statusCode(200).body("status", equalTo("valid"));
    }

    /**
     * The background verification (every second in tests) exports the chain's state without anyone asking: a row
     * changed behind the service turns {@code yaqaza_audit_chain_valid} to 0 at its next run, and back to 1 once
     * the row is restored. /audit/verify is deliberately not called here.
     */
    @Test
    @Order(6)
    void theBackgroundVerificationExportsABrokenChainAsZero() throws SQLException {
        auditedWrite(4000);
        assertEquals(1.0, PrometheusText.await(30, v -> v == 1.0, CHAIN_VALID), "an intact chain exports 1");
        double before = PrometheusText.value(PrometheusText.scrape(), LAST_VERIFICATION).orElseThrow();
        Tampered tampered = tamperSecondLastEvent();
        try {
            assertEquals(0.0, PrometheusText.await(30, v -> v == 0.0, CHAIN_VALID),
                    "the next background verification exports the broken chain as 0");
            double after = PrometheusText.value(PrometheusText.scrape(), LAST_VERIFICATION).orElseThrow();
            assertTrue(after > before, "the last-verification time moved on: " + before + " -> " + after);
        } finally {
            restore(tampered);
        }
        assertEquals(1.0, PrometheusText.await(30, v -> v == 1.0, CHAIN_VALID), "restored: 1 again");
    }

    /** An event whose subject was changed behind the service, and the subject it had. */
    private record Tampered(long seq, String originalSubject) {
    }

    private Tampered tamperSecondLastEvent() throws SQLException {
        try (Connection c = PostgresTestResource.superuser(service()); Statement s = c.createStatement()) {
            Tampered tampered;
            try (var rs = s.executeQuery("select seq, subject from audit_event order by seq desc offset 1 limit 1")) {
                rs.next();
                tampered = new Tampered(rs.getLong(1), rs.getString(2));
            }
            tamper(s, tampered.seq(), "'someone-else'");
            return tampered;
        }
    }

    private void restore(Tampered tampered) throws SQLException {
        try (Connection c = PostgresTestResource.superuser(service()); Statement s = c.createStatement()) {
            tamper(s, tampered.seq(), "'" + tampered.originalSubject().replace("'", "''") + "'");
        }
    }

    private static void tamper(Statement s, long seq, String subjectSql) throws SQLException {
        s.execute("alter table audit_event disable trigger audit_event_no_change");
        try {
            s.executeUpdate("update audit_event set subject = " + subjectSql + " where seq = " + seq);
        } finally {
            s.execute("alter table audit_event enable trigger audit_event_no_change");
        }
    }
}
