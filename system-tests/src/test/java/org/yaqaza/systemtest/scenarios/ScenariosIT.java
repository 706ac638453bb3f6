package org.yaqaza.systemtest.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yaqaza.systemtest.Json.obj;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * The suite as its users meet it, end to end through the gateway: a terrorism case from the first field report
 * to the annual statistics, a release to partners with the cooperation rules, partner intelligence and an RFI, a
 * referral into a reconciliation programme, and the auditor checking every step. Each step asserts what the user
 * would see. Steps build on each other (ordered); a failing step names the call and shows the answer.
 */
@ExtendWith(SharedSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenariosIT {

    private static final String INTEL = "/api/intelligence";
    private static final String LIAISON = "/api/liaison";
    private static final String PREVENTION = "/api/prevention";
    private static final String TAXII = "application/taxii+json;version=2.1";

    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Gateway gw;
    /** Audit steps to find at the end: service, object id, action expected for it. */
    private static final List<String[]> auditSteps = new ArrayList<>();

    // scenario 1 -> later ones
    private static String articleId;
    private static String articleTitle;
    private static String leaderId;
    private static String memberId;
    private static String cellId;
    private static String caseId;
    // scenario 2 -> 3
    private static String productId;
    private static String productTitle;

    @BeforeAll
    static void accounts() {
        gw = SharedSuite.gateway();
        // partner systems B and C (A is the demo client es-cni) and a supervisor of the prevention ministry
        gw.partnerClient("fr-dgsi", "fr-dgsi", "SECRET");
        gw.partnerClient("be-vsse", "be-vsse", "SECRET");
        gw.user("mhai-supervisor", "supervisor", "SECRET", List.of(), "MHAI");
    }

    private static void auditStep(String service, String objectId, String action) {
        auditSteps.add(new String[] { service, objectId, action });
    }

    // ------------------------------------------------------------------------------------------------------------
    // 1. from the field report to the annual statistics
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void fieldReportAndArticleToLinkedCellAlertAssessmentCaseAndStatistics() throws Exception {
        Resp statsBefore = gw.get(INTEL + "/statistics/annual?from=" + YEAR + "&to=" + YEAR, "analyst").expect(200);

        // the collector files the real Arabic article as OSINT and a field report
        String article = article();
        articleTitle = article.lines().map(String::strip).filter(l -> l.startsWith("المقاربة")).findFirst()
                .orElseThrow();
        Resp filedArticle = gw.post(INTEL + "/reports", "collector", obj("sourceType", "OSINT", "reliability", "C",
                "credibility", 3, "collectedAt", Instant.now().minusSeconds(3600).toString(), "language", "ar",
                "title", articleTitle, "body", article, "classification", "UNCLASSIFIED")).expect(201);
        articleId = filedArticle.str("id");
        assertEquals(article, filedArticle.str("body"), "the article is kept exactly as filed");
        auditStep("intelligence", articleId, "CREATE");

        String fieldBody = "رصد المصدر لقاء بين عبد الرحيم الزموري الملقب بأبي أنس وياسين القادري"
                + " قرب ميناء طنجة المتوسط، وتبادلا حقيبة يشتبه في احتوائها على مواد لصنع متفجرات.";
        Resp field = gw.post(INTEL + "/reports", "collector", obj("sourceType", "HUMINT", "reliability", "B",
                "credibility", 2, "collectedAt", Instant.now().minusSeconds(1800).toString(),
                "collectedPlace", "طنجة", "language", "ar", "title", "لقاء مشبوه قرب ميناء طنجة المتوسط",
                "body", fieldBody, "classification", "SECRET", "compartments", List.of("CT-NORTH")))
                .expect(201);
        String fieldId = field.str("id");
        auditStep("intelligence", fieldId, "CREATE");

        // an analyst finds the article with a query typed with hamza although the text has none (الاجهزة)
        Resp found = gw.get(INTEL + "/reports/search?q=" + Gateway.enc("الأجهزة الاستخباراتية"), "analyst")
                .expect(200);
        assertTrue(found.json().getList("items.id").contains(articleId), found.body());

        // the analyst records the people and the cell, and links them
        leaderId = gw.post(INTEL + "/entities", "analyst", obj("kind", "PERSON", "displayName", "عبد الرحيم الزموري",
                "names", List.of(obj("name", "عبد الرحيم الزموري", "type", "PRIMARY", "script", "ARABIC"),
                        obj("name", "Abderrahim Zemmouri", "type", "ALIAS", "script", "LATIN"),
                        obj("name", "أبو أنس", "type", "KUNYA", "script", "ARABIC")),
                "birthDate", "1991-03-14", "nationality", "MA", "classification", "SECRET",
                "compartments", List.of("CT-NORTH"))).expect(201).str("id");
        memberId = gw.post(INTEL + "/entities", "analyst", obj("kind", "PERSON", "displayName", "ياسين القادري",
                "names", List.of(obj("name", "ياسين القادري", "type", "PRIMARY", "script", "ARABIC"),
                        obj("name", "Yassine El Kadiri", "type", "ALIAS", "script", "LATIN")),
                "nationality", "MA", "classification", "SECRET", "compartments", List.of("CT-NORTH")))
                .expect(201).str("id");
        cellId = gw.post(INTEL + "/entities", "analyst", obj("kind", "ORGANISATION", "displayName",
                "خلية طنجة المتوسط", "organisationKind", "CELL", "organisationStatus", "ACTIVE",
                "category", "TERRORISM", "classification", "SECRET", "compartments", List.of("CT-NORTH")))
                .expect(201).str("id");
        auditStep("intelligence", leaderId, "CREATE");
        String leads = gw.post(INTEL + "/relationships", "analyst", obj("sourceId", leaderId, "targetId", cellId,
                "type", "LEADS", "confidence", 85, "supportingReportIds", List.of(fieldId),
                "classification", "SECRET", "compartments", List.of("CT-NORTH"))).expect(201).str("id");
        gw.post(INTEL + "/relationships", "analyst", obj("sourceId", memberId, "targetId", cellId,
                "type", "MEMBER_OF", "confidence", 70, "supportingReportIds", List.of(fieldId),
                "classification", "SECRET", "compartments", List.of("CT-NORTH"))).expect(201);
        auditStep("intelligence", leads, "CREATE");
        gw.post(INTEL + "/reports/" + fieldId + "/mentions", "analyst",
                obj("entityIds", List.of(leaderId, memberId))).expect(200, 201);

        // the cell view shows its leader and member; the collector's report is now found through the leader
        Resp cell = gw.get(INTEL + "/entities/" + cellId + "/cell", "analyst").expect(200);
        assertEquals(List.of(leaderId), cell.json().getList("leaders.person.id"), cell.body());
        assertEquals(List.of(memberId), cell.json().getList("members.person.id"), cell.body());
        Resp graph = gw.get(INTEL + "/entities/" + leaderId + "/graph?depth=2", "analyst").expect(200);
        assertTrue(graph.json().getList("nodes.id").containsAll(List.of(leaderId, memberId, cellId)), graph.body());
        Resp byLeader = gw.get(INTEL + "/reports?entity=" + leaderId, "analyst").expect(200);
        assertEquals(List.of(fieldId), byLeader.json().getList("items.id"), byLeader.body());

        // the leader goes on the watch list; a supervisor's open alert stream receives the next mention
        gw.post(INTEL + "/watchlist", "analyst", obj("entityId", leaderId)).expect(200, 201);
        try (AlertStream stream = AlertStream.open(gw, "supervisor")) {
            stream.awaitEvent("connected", Duration.ofSeconds(20));
            String followUp = gw.post(INTEL + "/reports", "collector", obj("sourceType", "HUMINT",
                    "reliability", "B", "credibility", 2, "collectedAt", Instant.now().toString(),
                    "language", "ar", "title", "أبو أنس يغادر طنجة نحو الناظور",
                    "body", "أفاد المصدر أن عبد الرحيم الزموري غادر طنجة ليلا في اتجاه الناظور.",
                    "classification", "SECRET", "compartments", List.of("CT-NORTH"),
                    "mentions", List.of(leaderId))).expect(201).str("id");
            String data = stream.awaitEvent("alert", Duration.ofSeconds(30));
            assertTrue(data.contains(leaderId) && data.contains(followUp), data);
            assertTrue(data.contains("أبو أنس يغادر طنجة نحو الناظور"), "the alert names the report: " + data);

            // an assessment by the analyst, approved by a supervisor (never by its author)
            String assessmentId = gw.post(INTEL + "/assessments", "analyst", obj("subjectId", leaderId,
                    "threatLevel", "SEVERE", "category", "TERRORISM",
                    "rationale", "قيادي في خلية ناشطة، رصد وهو ينقل مواد يشتبه في استعمالها لصنع متفجرات.",
                    "indicators", List.of("نقل مواد مشبوهة", "اتصالات مع جماعة خارجية"),
                    "nextReview", TODAY.plusMonths(3).toString(), "classification", "SECRET",
                    "compartments", List.of("CT-NORTH"))).expect(201).str("id");
            gw.post(INTEL + "/assessments/" + assessmentId + "/approve", "analyst", obj("note", "x")).expect(403);
            Resp approved = gw.post(INTEL + "/assessments/" + assessmentId + "/approve", "supervisor",
                    obj("note", "موافق")).expect(200);
            assertEquals("APPROVED", approved.str("status"));
            assertEquals("supervisor", approved.str("decidedBy"));
            auditStep("intelligence", assessmentId, "APPROVE");
            String raised = stream.awaitEvent("alert", Duration.ofSeconds(30));
            assertTrue(raised.contains("THREAT_LEVEL_RAISED") && raised.contains(assessmentId), raised);
        }

        // a case: surveillance, an intervention approved by a supervisor, referral to justice
        Resp created = gw.post(INTEL + "/cases", "analyst", obj("title", "قضية خلية طنجة المتوسط",
                "summary", "تفكيك خلية تعد لعمل إرهابي", "category", "TERRORISM",
                "entityIds", List.of(leaderId, memberId, cellId), "reportIds", List.of(fieldId),
                "classification", "SECRET", "compartments", List.of("CT-NORTH"))).expect(201);
        caseId = created.str("id");
        assertEquals("OPEN", created.str("status"));
        gw.post(INTEL + "/cases/" + caseId + "/transitions", "analyst", obj("to", "UNDER_SURVEILLANCE"))
                .expect(200);
        Resp early = gw.post(INTEL + "/cases/" + caseId + "/transitions", "analyst", obj("to", "INTERVENTION"))
                .expect(409);
        assertTrue(early.header("Content-Type").startsWith("application/problem+json"), early.toString());
        Resp requested = gw.post(INTEL + "/cases/" + caseId + "/interventions", "analyst", obj("date",
                TODAY.toString(), "place", "طنجة", "arrests", 3, "seizures", List.of("مواد كيميائية", "هواتف"),
                "dismantlesOrganisationId", cellId)).expect(201);
        String interventionId = interventionId(requested);
        gw.post(INTEL + "/cases/" + caseId + "/interventions/" + interventionId + "/approve", "analyst", null)
                .expect(403);
        Resp decided = gw.post(INTEL + "/cases/" + caseId + "/interventions/" + interventionId + "/approve",
                "supervisor", null).expect(200);
        assertEquals("APPROVED", decided.json().getString("interventions[0].status"), decided.body());
        // the approved intervention moves the case into INTERVENTION by itself
        assertEquals("INTERVENTION", decided.str("status"), decided.body());
        gw.post(INTEL + "/cases/" + caseId + "/transitions", "analyst", obj("to", "REFERRED_TO_JUSTICE"))
                .expect(422);
        Resp referred = gw.post(INTEL + "/cases/" + caseId + "/transitions", "analyst", obj("to",
                "REFERRED_TO_JUSTICE", "prosecutionReference", "PR-TNG-2026-117")).expect(200);
        assertEquals("REFERRED_TO_JUSTICE", referred.str("status"));
        assertEquals(List.of("CLOSED"), referred.json().getList("allowedNext"));
        auditStep("intelligence", caseId, "TRANSITION");
        assertEquals("DISMANTLED", gw.get(INTEL + "/entities/" + cellId, "analyst").expect(200)
                .str("organisationStatus"));

        // the annual statistics moved by exactly this case: one cell, three arrests, one judicial referral
        Resp statsAfter = gw.get(INTEL + "/statistics/annual?from=" + YEAR + "&to=" + YEAR, "analyst").expect(200);
        assertEquals(num(statsBefore, "years[0].cellsDismantled") + 1, num(statsAfter, "years[0].cellsDismantled"));
        assertEquals(num(statsBefore, "years[0].arrests") + 3, num(statsAfter, "years[0].arrests"));
        assertEquals(num(statsBefore, "years[0].judicialReferrals") + 1,
                num(statsAfter, "years[0].judicialReferrals"));
        // and the supervisor's dashboard shows the same figures
        Resp dashboard = gw.get("/api/dashboard?from=" + YEAR + "-01-01&to=" + TODAY, "supervisor").expect(200);
        assertEquals("available", dashboard.str("parts.intelligence.status"), dashboard.body());
        assertEquals(num(statsAfter, "years[0].arrests"),
                num(dashboard, "parts.intelligence.data.years.find { it.year == " + YEAR + " }.arrests"));
    }

    @Test
    @Order(2)
    void screeningANameVariantFindsThePerson() {
        assertNotNull(leaderId, "needs scenario 1");
        // a Latin spelling the analyst never recorded
        Resp screened = gw.post(INTEL + "/screening", "analyst", obj("name", "Abdelrahim Zemouri")).expect(200);
        assertTrue(screened.json().getList("candidates.entityId").contains(leaderId), screened.body());
        Resp arabic = gw.post(INTEL + "/screening", "analyst", obj("name", "عبدالرحيم الزموري")).expect(200);
        assertTrue(arabic.json().getList("candidates.entityId").contains(leaderId), arabic.body());
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2. a product released to partners under the cooperation rules
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void productReleasedToPartnerARefusedForBAndCFetchedThroughTaxiiWarningFeedbackStatistics() {
        // the liaison officer's figures: warnings are marked for the liaison agency, not shared with DGST
        Resp statsBefore = gw.get(LIAISON + "/statistics/annual?year=" + YEAR, "liaison-officer").expect(200);

        // the liaison officer registers three partners with their agreements; B's ceiling is RESTRICTED
        partner("es-cni", "ES", "Centro Nacional de Inteligencia", "SECRET");
        partner("fr-dgsi", "FR", "Direction générale de la sécurité intérieure", "RESTRICTED");
        partner("be-vsse", "BE", "Veiligheid van de Staat", "SECRET");
        // France's material on terrorism may go on to Spain this half-year (consent, approved by a second person),
        // not to Belgium
        String consent = gw.post(LIAISON + "/consents", "liaison-officer", obj("originatorPartner", "fr-dgsi",
                "recipientPartner", "es-cni", "category", "TERRORISM", "validFrom", TODAY.toString(), "validTo",
                TODAY.plusMonths(6).toString(), "reference", "DGSI/CONS/2026-031", "grantedOn", TODAY.toString()))
                .expect(201).str("id");
        gw.post(LIAISON + "/consents/" + consent + "/approve", "supervisor", null).expect(200);

        // the analyst builds a product from the article and from France's report, shared with the liaison agency
        String frenchReport = gw.post(INTEL + "/reports", "analyst", obj("sourceType", "PARTNER", "originatorPartner",
                "fr-dgsi", "reliability", "B", "credibility", 2, "collectedAt", Instant.now().toString(),
                "language", "fr", "title", "Déplacements d'un membre présumé de la cellule de Tanger",
                "body", "Le partenaire signale un voyage de Tanger vers Algeciras.", "classification",
                "CONFIDENTIAL", "sharedWith", List.of("DGED"))).expect(201).str("id");
        productTitle = "تقييم التهديد: شبكة تهريب متفجرات عبر مضيق جبل طارق";
        Resp product = gw.post(INTEL + "/products", "analyst", obj("title", productTitle,
                "summary", "تشير المعطيات إلى محاولة نقل مواد متفجرة عبر ميناء طنجة المتوسط نحو أوروبا.",
                "tearLine", "تهديد محتمل لموانئ غرب المتوسط خلال الأسابيع المقبلة.", "category", "TERRORISM",
                "sourceReportIds", List.of(articleId, frenchReport), "classification", "CONFIDENTIAL",
                "sharedWith", List.of("DGED"))).expect(201);
        productId = product.str("id");
        assertEquals(List.of("fr-dgsi"), product.json().getList("originatorPartners"));

        // release to A: every check passes; below SECRET it goes out on submission
        String releaseId = gw.post(LIAISON + "/releases", "liaison-officer", obj("productId", productId,
                "partners", List.of("es-cni"), "tlp", "AMBER", "note", "للاستعمال من طرف المصلحة الشريكة فقط",
                "indicators", List.of(obj("name", "Tanger Med drop point", "pattern",
                        "[domain-name:value = 'tanger-relay.example.org']")))).expect(201).str("id");
        Resp submitted = gw.post(LIAISON + "/releases/" + releaseId + "/submit", "liaison-officer", null)
                .expect(200);
        assertEquals("RELEASED", submitted.str("status"), submitted.body());
        auditStep("liaison", releaseId, null);

        // B: above its agreement's ceiling; C: France never consented to Belgium
        Resp toB = gw.post(LIAISON + "/releases", "liaison-officer", obj("productId", productId,
                "partners", List.of("fr-dgsi"), "tlp", "AMBER")).expect(422);
        assertEquals("urn:yaqaza:liaison:release-check:classification-ceiling", toB.str("type"), toB.body());
        assertTrue(toB.str("detail").contains("fr-dgsi"), toB.body());
        Resp toC = gw.post(LIAISON + "/releases", "liaison-officer", obj("productId", productId,
                "partners", List.of("be-vsse"), "tlp", "AMBER")).expect(422);
        // France's report was filed without a TLP: AMBER, which goes on only with France's consent
        assertEquals("urn:yaqaza:liaison:release-check:tlp-amber", toC.str("type"), toC.body());
        assertTrue(toC.str("detail").contains("be-vsse"), toC.body());

        // A fetches it through TAXII: its collection holds the STIX report carrying the product's Arabic title
        Resp collections = gw.call("GET", "/taxii2/liaison/collections/", "es-cni", null, TAXII).expect(200);
        String collection = collections.json().getString("collections.find { it.can_read == true }.id");
        assertNotNull(collection, collections.body());
        Resp objects = gw.call("GET", "/taxii2/liaison/collections/" + collection + "/objects/", "es-cni", null,
                TAXII).expect(200);
        assertTrue(objects.header("Content-Type").startsWith("application/taxii+json"), objects.toString());
        assertEquals(productTitle, objects.json().getString("objects.find { it.type == 'report' }.name"),
                objects.body());
        assertTrue(objects.json().getList("objects.type").contains("indicator"), objects.body());
        // B sees neither A's collection nor the release
        gw.call("GET", "/taxii2/liaison/collections/" + collection + "/objects/", "fr-dgsi", null, TAXII)
                .expect(404);
        gw.get(LIAISON + "/partner/releases/" + releaseId, "fr-dgsi").expect(404);

        Resp ack = gw.post(LIAISON + "/partner/releases/" + releaseId + "/acknowledge", "es-cni", null).expect(200);
        assertEquals("ACKNOWLEDGED", ack.str("status"));
        assertNotNull(ack.str("acknowledgedAt"));

        // a FLASH warning, acknowledged by A well inside its ten minutes
        Resp warning = gw.post(LIAISON + "/warnings", "liaison-officer", obj("partner", "es-cni",
                "precedence", "FLASH", "tlp", "AMBER", "category", "TERRORISM",
                "title", "تحذير عاجل: شحنة مشبوهة في طريقها إلى الجزيرة الخضراء",
                "body", "شاحنة تحمل مواد متفجرة يرجح عبورها الليلة.", "classification", "CONFIDENTIAL"))
                .expect(201);
        String warningId = warning.str("id");
        assertEquals(Duration.ofMinutes(10), Duration.between(Instant.parse(warning.str("issuedAt")),
                Instant.parse(warning.str("deadlineAt"))));
        Resp seen = gw.get(LIAISON + "/partner/warnings", "es-cni").expect(200);
        assertTrue(seen.body().contains(warningId), seen.body());
        gw.post(LIAISON + "/partner/warnings/" + warningId + "/acknowledge", "es-cni", null).expect(200);
        Resp acknowledged = gw.get(LIAISON + "/warnings/" + warningId, "liaison-officer").expect(200);
        assertTrue(Instant.parse(acknowledged.str("acknowledgedAt"))
                .isBefore(Instant.parse(acknowledged.str("deadlineAt"))), acknowledged.body());
        assertTrue(num(acknowledged, "acknowledgementSeconds") < 600, acknowledged.body());
        assertNull(acknowledged.str("escalatedAt"));
        auditStep("liaison", warningId, null);

        // A reports what came of it
        gw.post(LIAISON + "/partner/releases/" + releaseId + "/feedback", "es-cni", obj("outcome", "ARRESTS",
                "comment", "Dos detenidos en Algeciras gracias a la información.")).expect(200, 201);
        Resp feedback = gw.get(LIAISON + "/releases/" + releaseId + "/feedback", "liaison-officer").expect(200);
        assertTrue(feedback.body().contains("ARRESTS") && feedback.body().contains("Algeciras"), feedback.body());
        assertEquals("FEEDBACK_RECEIVED", gw.get(LIAISON + "/releases/" + releaseId, "liaison-officer")
                .expect(200).str("status"));

        // the year's liaison figures for Spain moved accordingly
        Resp statsAfter = gw.get(LIAISON + "/statistics/annual?year=" + YEAR, "liaison-officer").expect(200);
        String es = "partners.find { it.partner == 'es-cni' }.";
        for (String figure : List.of("releases", "releasesAcknowledged", "warnings", "warningsAcknowledged")) {
            assertEquals(num(statsBefore, es + figure) + 1, num(statsAfter, es + figure), figure + ": "
                    + statsAfter.body());
        }
        assertEquals(num(statsBefore, es + "outcomes.ARRESTS") + 1, num(statsAfter, es + "outcomes.ARRESTS"),
                statsAfter.body());
    }

    // ------------------------------------------------------------------------------------------------------------
    // 3. partner intelligence in, an RFI answered
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void partnerIntelligenceArrivesOnceAsPartnerReportAndAnRfiIsAnsweredThroughARelease() {
        assertNotNull(productId, "needs scenario 2");
        String title = "معلومات من الشريك الإسباني حول قارب سريع في مضيق جبل طارق";
        Resp accepted = gw.post(LIAISON + "/partner/intelligence", "es-cni", obj("title", title,
                "body", "رصدت المصالح الإسبانية قاربا سريعا ينقل أشخاصا مطلوبين بين سبتة وطريفة.",
                "language", "ar", "reliability", "B", "credibility", 2, "classification", "CONFIDENTIAL",
                "tlp", "AMBER")).expect(202);
        String submissionId = accepted.str("id");
        String reportId = null;
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(45); reportId == null; ) {
            reportId = gw.get(LIAISON + "/partner/intelligence/" + submissionId, "es-cni").expect(200)
                    .str("reportId");
            if (reportId == null) {
                assertTrue(System.nanoTime() < until, "the submission was not delivered within 45 s");
                Gateway.sleep(300);
            }
        }
        Resp report = gw.get(INTEL + "/reports/" + reportId, "analyst").expect(200);
        assertEquals("PARTNER", report.str("sourceType"));
        assertEquals("es-cni", report.str("originatorPartner"));
        assertTrue(report.str("title").contains(title), report.body());
        // exactly once, however often the outbox ran
        Gateway.sleep(2500);
        Resp partnerReports = gw.get(INTEL + "/reports?sourceType=PARTNER&limit=200", "analyst").expect(200);
        long copies = partnerReports.json().getList("items.title", String.class).stream()
                .filter(t -> t.contains(title)).count();
        assertEquals(1, copies, partnerReports.body());
        assertEquals(reportId, gw.get(LIAISON + "/incoming/" + submissionId, "liaison-officer").expect(200)
                .str("reportId"));
        auditStep("liaison", submissionId, null);
        auditStep("intelligence", reportId, "CREATE");

        // an RFI from A, answered by a release of the product
        Resp rfi = gw.post(LIAISON + "/partner/rfis", "es-cni", obj("subject", "هوية ربان القارب",
                "question", "هل لديكم معلومات عن هوية ربان القارب السريع ومن يموله؟", "language", "ar",
                "dueDate", TODAY.plusDays(7).toString())).expect(201);
        String rfiId = rfi.str("id");
        assertEquals("RECEIVED", rfi.str("status"));
        gw.post(LIAISON + "/rfis/" + rfiId + "/assign", "liaison-officer", obj("assignee", "liaison-officer"))
                .expect(200);
        // the product carries France's AMBER material: a GREEN answer would weaken it (tlp-weaker), AMBER goes
        gw.post(LIAISON + "/rfis/" + rfiId + "/answer", "liaison-officer", obj("productId", productId, "tlp",
                "GREEN", "note", "جواب على طلبكم")).expect(422);
        Resp answered = gw.post(LIAISON + "/rfis/" + rfiId + "/answer", "liaison-officer", obj("productId",
                productId, "tlp", "AMBER", "note", "جواب على طلبكم")).expect(200);
        assertEquals("ANSWERED", answered.str("status"), answered.body());
        String answerRelease = answered.str("answerReleaseId");
        assertNotNull(answerRelease);
        Resp own = gw.get(LIAISON + "/partner/rfis/" + rfiId, "es-cni").expect(200);
        assertEquals("ANSWERED", own.str("status"));
        assertEquals(answerRelease, own.str("answerReleaseId"));
        Resp delivered = gw.get(LIAISON + "/partner/releases/" + answerRelease, "es-cni").expect(200);
        assertEquals(productTitle, delivered.str("title"));
        auditStep("liaison", rfiId, null);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 4. from intelligence into a reconciliation programme
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    void referralIntoReconciliationApprovedParticipantCompletesEvaluationShowsItAnalystRefused() {
        String programmeId = gw.post(PREVENTION + "/programmes", "prevention-officer", obj("kind",
                "PRISON_RECONCILIATION", "name", "برنامج مصالحة - السجن المحلي تطوان", "institution",
                "السجن المحلي تطوان", "region", "Tanger-Tétouan-Al Hoceïma", "capacity", 20,
                "classification", "RESTRICTED", "voluntaryApplicationRequired", true, "minimumAge", 18,
                "assessmentCadenceDays", 90)).expect(201).str("id");
        String moduleId = gw.post(PREVENTION + "/programmes/" + programmeId + "/modules", "prevention-officer",
                obj("code", "RECON-SELF", "title", "المصالحة مع الذات", "requiredSessions", 1)).expect(201).str("id");
        String editionId = gw.post(PREVENTION + "/programmes/" + programmeId + "/editions", "prevention-officer",
                obj("name", "الدورة الأولى " + YEAR, "startsOn", TODAY.minusDays(20).toString(), "capacity", 10))
                .expect(201).str("id");
        Resp evaluationBefore = gw.get(PREVENTION + "/programmes/" + programmeId + "/evaluation",
                "prevention-officer").expect(200);
        assertEquals(0, num(evaluationBefore, "overall.completed"));

        // the intelligence supervisor refers the person; the referrer only ever sees the status
        Resp referral = gw.post(PREVENTION + "/referrals", "supervisor", obj("programmeKind",
                "PRISON_RECONCILIATION", "region", "Tanger-Tétouan-Al Hoceïma",
                "purpose", "معتقل سابق أبدى رغبة في المراجعة الفكرية", "summary", "أنهى مدة عقوبته قريبا",
                "identity", obj("fullNameAr", "ياسين القادري", "fullNameLatin", "Yassine El Kadiri",
                        "nationalId", "LB482913", "birthDate", "1994-07-02"))).expect(201);
        String referralId = referral.str("id");
        Resp status = gw.get(PREVENTION + "/referrals/" + referralId, "supervisor").expect(200);
        assertEquals("PENDING", status.str("status"));
        assertFalse(status.body().contains("Kadiri") || status.body().contains("القادري")
                || status.body().contains("LB482913"), status.body());

        // a supervisor of the prevention ministry approves; the participant exists under a pseudonymous code
        Resp decided = gw.post(PREVENTION + "/referrals/" + referralId + "/decision", "mhai-supervisor",
                obj("decision", "APPROVED", "reason", "يستوفي شروط برنامج المصالحة", "classification",
                        "RESTRICTED")).expect(200);
        String code = decided.str("participantCode");
        assertTrue(code.matches("YQ-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
        assertEquals("APPROVED", gw.get(PREVENTION + "/referrals/" + referralId, "supervisor").expect(200)
                .str("status"));
        Resp trail = gw.get(PREVENTION + "/audit?objectId=" + referralId, "auditor").expect(200);
        assertTrue(trail.json().getList("items.action").containsAll(List.of("REFERRAL_CREATE", "REFERRAL_APPROVED")),
                trail.body());
        auditStep("prevention", referralId, "REFERRAL_APPROVED");
        auditStep("prevention", code, "CREATE");

        // consent, voluntary application, attendance, completion
        gw.post(PREVENTION + "/participants/" + code + "/consents", "prevention-officer", obj("scope",
                "PARTICIPATION", "givenOn", TODAY.toString(), "note", "موافقة مكتوبة وموقعة")).expect(201);
        Resp applied = gw.post(PREVENTION + "/editions/" + editionId + "/enrolments", "prevention-officer",
                obj("participantCode", code, "voluntary", true, "appliedOn", TODAY.toString(),
                        "referralId", referralId)).expect(201);
        String enrolmentId = applied.str("id");
        assertEquals("APPLIED", applied.str("state"));
        for (String to : List.of("SCREENED", "ENROLLED", "ACTIVE")) {
            assertEquals(to, gw.post(PREVENTION + "/enrolments/" + enrolmentId + "/transitions",
                    "prevention-officer", obj("to", to)).expect(200).str("state"));
        }
        String sessionId = gw.post(PREVENTION + "/editions/" + editionId + "/sessions", "prevention-officer",
                obj("moduleId", moduleId, "heldOn", TODAY.minusDays(1).toString(), "topic", "المصالحة مع الذات",
                        "facilitator", "الأستاذ عبد الله")).expect(201).str("id");
        gw.put(PREVENTION + "/sessions/" + sessionId + "/attendance", "prevention-officer", obj("marks",
                List.of(obj("enrolmentId", enrolmentId, "status", "PRESENT"))), null).expect(200, 204);
        assertEquals(100.0, ((Number) gw.get(PREVENTION + "/enrolments/" + enrolmentId + "/progress",
                "prevention-officer").expect(200).json().get("completionPercent")).doubleValue(), 0.001);
        assertEquals("COMPLETED", gw.post(PREVENTION + "/enrolments/" + enrolmentId + "/transitions",
                "prevention-officer", obj("to", "COMPLETED")).expect(200).str("state"));
        auditStep("prevention", enrolmentId, null);

        Resp evaluation = gw.get(PREVENTION + "/programmes/" + programmeId + "/evaluation", "prevention-officer")
                .expect(200);
        assertEquals(1, num(evaluation, "overall.started"), evaluation.body());
        assertEquals(1, num(evaluation, "overall.completed"), evaluation.body());
        assertEquals(1.0, ((Number) evaluation.json().get("overall.completionRate")).doubleValue(), 0.001);
        assertFalse(evaluation.body().contains(code), "an evaluation names no participant");

        // the firewall: an analyst (and the referring supervisor) never reach the participant record
        Resp refused = gw.get(PREVENTION + "/participants/" + code, "analyst").expect(403);
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        gw.get(PREVENTION + "/participants/" + code, "supervisor").expect(403);
        gw.post(PREVENTION + "/participants/" + code + "/identity-disclosures", "analyst",
                obj("purpose", "محاولة الاطلاع على الهوية")).expect(403);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 5. the auditor
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(6)
    void theAuditorFindsEveryChainValidAndEveryStepInTheTrail() {
        for (String service : List.of("gateway", "intelligence", "liaison", "prevention")) {
            Resp verified = gw.get("/api/" + service + "/audit/verify", "auditor").expect(200);
            assertEquals("valid", verified.str("status"), service + ": " + verified.body());
            assertTrue(num(verified, "eventsChecked") > 0, service + ": " + verified.body());
        }
        assertTrue(auditSteps.size() >= 12, "the scenarios before this one ran: " + auditSteps.size());
        List<String> missing = new ArrayList<>();
        for (String[] step : auditSteps) {
            Resp trail = gw.get("/api/" + step[0] + "/audit?objectId=" + Gateway.enc(step[1]), "auditor")
                    .expect(200);
            List<String> actions = trail.json().getList("items.action", String.class);
            if (actions.isEmpty() || (step[2] != null && !actions.contains(step[2]))) {
                missing.add(step[0] + " " + step[1] + " " + step[2] + " -> " + actions);
            }
        }
        assertTrue(missing.isEmpty(), "steps missing from the audit trail: " + missing);
        // the gateway's own trail holds the directory changes made by the admin for these scenarios
        Resp directory = gw.get("/api/gateway/audit?actor=admin&limit=500", "auditor").expect(200);
        assertTrue(directory.body().contains("mhai-supervisor"), directory.body());
        // the partner's requests are in the liaison trail with its identity
        Resp partnerRequests = gw.get(LIAISON + "/audit?objectType=partner-request&limit=500", "auditor")
                .expect(200);
        assertTrue(partnerRequests.json().getList("items.partner").contains("es-cni"), partnerRequests.body());
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void partner(String code, String country, String serviceName, String ceiling) {
        String partnerId;
        Resp created = gw.post(LIAISON + "/partners", "liaison-officer", obj("code", code, "country", country,
                "serviceName", serviceName, "status", "ACTIVE", "classification", "RESTRICTED",
                "sharedWith", List.of("DGST"), "contacts", List.of(obj("name", "Liaison desk " + code,
                        "email", "desk@" + code + ".example.org")), "clientIds", List.of(code))).expect(201);
        partnerId = created.str("id");
        gw.post(LIAISON + "/partners/" + partnerId + "/agreements", "liaison-officer", obj("reference",
                "MOU-" + code.toUpperCase() + "-2025", "ceiling", ceiling, "categories",
                List.of("TERRORISM", "VIOLENT_EXTREMISM"), "validFrom", TODAY.minusYears(1).toString(),
                "status", "ACTIVE")).expect(201);
    }

    private static String interventionId(Resp requested) {
        Object interventions = requested.json().get("interventions");
        if (interventions instanceof List<?> list && !list.isEmpty()) {
            return requested.json().getString("interventions[-1].id");
        }
        return requested.str("id");
    }

    /** A figure of the answer; 0 when absent (a partner or year without figures yet). */
    private static long num(Resp r, String path) {
        Object v;
        try {
            v = r.json().get(path);
        } catch (RuntimeException absent) {
            v = null;
        }
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String article() throws IOException {
        try (InputStream in = Objects.requireNonNull(ScenariosIT.class.getResourceAsStream(
                "/osint/ar-morocco-proactive-security-article.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A supervisor's open SSE stream of alerts through the gateway, read line by line in the background. */
    static final class AlertStream implements AutoCloseable {
        private final LinkedBlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private AlertStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
            this.response = response;
        }

        static AlertStream open(Gateway gw, String account) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gw.url() + INTEL + "/alerts/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + gw.token(account))
                    .GET().build();
            CompletableFuture<HttpResponse<Stream<String>>> future = gw.http().sendAsync(request,
                    HttpResponse.BodyHandlers.ofLines());
            AlertStream stream = new AlertStream(future);
            future.thenAcceptAsync(r -> {
                if (r.statusCode() != 200) {
                    stream.events.add(new String[] { "http-" + r.statusCode(), "" });
                    return;
                }
                String[] current = { null, "" };
                try {
                    r.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            current[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            current[1] = current[1] + line.substring(5).strip();
                        } else if (line.isEmpty() && current[0] != null) {
                            stream.events.add(new String[] { current[0], current[1] });
                            current[0] = null;
                            current[1] = "";
                        }
                    });
                } catch (RuntimeException closed) {
                    // the stream was closed by the test
                }
            });
            return stream;
        }

        /** The data of the next event of that name (earlier events of other names are skipped). */
        String awaitEvent(String name, Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            while (true) {
                String[] event = events.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertNotNull(event, "no '" + name + "' event on the alert stream within " + timeout);
                assertFalse(event[0].startsWith("http-"), "the alert stream answered " + event[0]);
                if (event[0].equals(name)) {
                    return event[1];
                }
            }
        }

        /** Every event received so far: name and data. */
        List<String[]> drain() {
            List<String[]> all = new ArrayList<>();
            events.drainTo(all);
            return all;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
