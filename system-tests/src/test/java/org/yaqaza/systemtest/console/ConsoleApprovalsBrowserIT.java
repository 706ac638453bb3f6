package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

/**
 * The supervisors' approvals inbox (issue 19 item 1) in a real browser against the real suite, through the
 * gateway: a supervisor's own marking downgrade is listed with Approve disabled and the reason, a second supervisor
 * (in Arabic) approves it in the inbox and the record is re-marked, an analyst's assessment is rejected with a
 * note, an analyst's intervention is approved and the case moves on, a prevention supervisor sees prevention
 * requests only (the firewall) and a source that refuses is named in a note, an analyst gets the 404 page.
 * axe-core runs on every page visited: no serious or critical violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleApprovalsBrowserIT {

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
    }

    private static Gateway gateway() {
        return SharedSuite.gateway();
    }

    private static Browser signedIn(String account, String password, String language) {
        return Browsers.signedIn(gateway().url(), account, password, language);
    }

    @Test
    void aSupervisorsOwnDowngradeWaitsForASecondSupervisorWhoApprovesItInTheInbox() {
        String reportId = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT",
                "reliability", "B", "credibility", 2, "collectedAt", "2026-11-30T08:00:00Z", "language", "fr",
                "title", "Rapport à déclasser " + UUID.randomUUID(), "body",
                "Rapport pour la boîte d’approbation.",
                "classification", "SECRET")).expect(201).str("id");
        String requestId = gateway().post("/api/intelligence/marking-requests", "supervisor", Json.obj(
                "objectType", "report", "objectId", reportId, "classification", "RESTRICTED", "compartments",
                List.of(), "sharedWith", List.of(), "reason", "Source publique, diffusion élargie."))
                .expect(201).str("id");
        String item = "li[data-item='intelligence-marking-" + requestId + "']";

        // the requester sees it, Approve disabled and the reason beside it
        Browser own = signedIn("supervisor", DemoDirectory.demoPassword("supervisor"), "en");
        own.find("#nav-approvals").click();
        own.waitFor("#approvals");
        assertEquals("/console/approvals", own.path());
        WebElement mine = own.find(item);
        assertTrue(mine.findElement(By.cssSelector(".approval-before")).getText().startsWith("SECRET"));
        assertTrue(mine.findElement(By.cssSelector(".approval-after")).getText().startsWith("RESTRICTED"));
        assertEquals("Source publique, diffusion élargie.",
                mine.findElement(By.cssSelector(".approval-reason")).getText());
        assertEquals("supervisor", mine.findElement(By.cssSelector(".approval-requester")).getText());
        assertEquals("A supervisor of the owning agency (DGST) who did not ask approves it.",
                mine.findElement(By.cssSelector(".approval-rule")).getText());
        assertFalse(mine.findElement(By.cssSelector("button.approve")).isEnabled(),
                "the requester cannot approve their own request");
        assertEquals("You asked for this: another supervisor must decide.",
                mine.findElement(By.cssSelector(".why-not")).getText());
        // the banner covers the highest marking listed (this SECRET request at least)
        String banner = own.find("#banner-top").getAttribute("data-marking");
        assertTrue(List.of("SECRET", "TOP_SECRET").contains(banner), banner);
        assertOldestFirst(own);
        assertTrue(own.all("#source-notes").isEmpty(), "intelligence and liaison both answered");
        own.assertAccessible();

        // a second supervisor of the same agency, in Arabic, approves it in the inbox
        String second = "st-supervisor-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().user(second, "supervisor", "TOP_SECRET", DemoDirectory.ALL_COMPARTMENTS, "DGST");
        Browser other = signedIn(second, "st-" + second + "-Pass-2026!", "ar");
        assertEquals("rtl", other.find("html").getAttribute("dir"));
        assertEquals("الموافقات", other.find("#nav-approvals").getText());
        other.open("/console/approvals");
        assertEquals("في انتظار شخص ثانٍ", other.find("h1").getText());
        WebElement theirs = other.find(item);
        assertTrue(theirs.findElements(By.cssSelector(".why-not")).isEmpty());
        WebElement approve = theirs.findElement(By.cssSelector("button.approve"));
        assertTrue(approve.isEnabled());
        assertEquals("موافقة", approve.getText());
        other.assertAccessible();
        theirs.findElement(By.cssSelector("textarea")).sendKeys("موافق: مصدر مفتوح");
        approve.click();
        other.waitFor("#done-notice");
        assertTrue(other.all(item).isEmpty(), "a decided request leaves the inbox");
        other.assertAccessible();

        // the change applies (the API says so)
        assertEquals("RESTRICTED", gateway().get("/api/intelligence/reports/" + reportId, "analyst").expect(200)
                .str("classification"));
        Gateway.Resp decided = gateway().get("/api/intelligence/marking-requests/" + requestId, "supervisor")
                .expect(200);
        assertEquals("APPROVED", decided.str("status"));
        assertEquals(second, decided.str("decidedBy"));
        assertEquals("موافق: مصدر مفتوح", decided.str("decisionNote"));
    }

    @Test
    void aSupervisorRejectsAnAnalystsAssessmentInTheInbox() {
        String entity = gateway().post("/api/intelligence/entities", "analyst", Json.obj("kind", "PERSON",
                "displayName", "Personne évaluée " + UUID.randomUUID(), "classification", "SECRET",
                "compartments", List.of("CT-NORTH"))).expect(201).str("id");
        String assessmentId = gateway().post("/api/intelligence/assessments", "analyst", Json.obj("subjectId",
                entity, "threatLevel", "SEVERE", "category", "TERRORISM", "rationale", "Évaluation à revoir.",
                "indicators", List.of("contacts"), "nextReview", "2027-03-01", "classification", "SECRET",
                "compartments", List.of("CT-NORTH"))).expect(201).str("id");

        Browser browser = signedIn("supervisor", DemoDirectory.demoPassword("supervisor"), "fr");
        browser.open("/console/approvals");
        WebElement item = browser.find("li[data-item='intelligence-assessment-" + assessmentId + "']");
        assertEquals("Évaluation à revoir.", item.findElement(By.cssSelector(".approval-reason")).getText());
        assertEquals("SEVERE · TERRORISM", item.findElement(By.cssSelector(".approval-after")).getText());
        assertEquals("Un superviseur autre que l’auteur l’approuve.",
                item.findElement(By.cssSelector(".approval-rule")).getText());
        assertTrue(item.findElements(By.cssSelector(".why-not")).isEmpty(), "the analyst asked, not the supervisor");
        browser.assertAccessible();
        item.findElement(By.cssSelector("textarea")).sendKeys("Indicateurs insuffisants.");
        item.findElement(By.cssSelector("button.reject")).click();
        assertEquals("Rejeté : rien ne change.", browser.waitFor("#done-notice").getText());
        browser.assertAccessible();

        Gateway.Resp decided = gateway().get("/api/intelligence/assessments/" + assessmentId, "analyst")
                .expect(200);
        assertEquals("REJECTED", decided.str("status"));
        assertEquals("Indicateurs insuffisants.", decided.str("decisionNote"));
    }

    @Test
    void aSupervisorApprovesAnInterventionInTheInbox() {
        String title = "Affaire à intervention " + UUID.randomUUID();
        String caseId = gateway().post("/api/intelligence/cases", "analyst", Json.obj("title", title, "summary",
                "Affaire pour la boîte d’approbation.", "category", "TERRORISM", "entityIds", List.of(),
                "reportIds", List.of(), "classification", "SECRET", "compartments", List.of("CT-NORTH")))
                .expect(201).str("id");
        gateway().post("/api/intelligence/cases/" + caseId + "/transitions", "analyst",
                Json.obj("to", "UNDER_SURVEILLANCE")).expect(200);
        Gateway.Resp requested = gateway().post("/api/intelligence/cases/" + caseId + "/interventions",
                "analyst", Json.obj("date", "2026-12-10", "place", "Tanger", "arrests", 2, "seizures",
                        List.of("téléphones"))).expect(201);
        // the answer is the case (its interventions) or the intervention itself
        String interventionId = requested.json().get("interventions") instanceof List<?> listed && !listed.isEmpty()
                ? requested.json().getString("interventions[-1].id") : requested.str("id");

        Browser browser = signedIn("supervisor", DemoDirectory.demoPassword("supervisor"), "en");
        browser.open("/console/approvals");
        WebElement item = browser.find("li[data-item='intelligence-intervention-" + interventionId + "']");
        assertEquals(title, item.findElement(By.cssSelector(".approval-subject")).getText());
        assertEquals("2026-12-10 · Tanger · 2", item.findElement(By.cssSelector(".approval-after")).getText());
        assertEquals("téléphones", item.findElement(By.cssSelector(".approval-reason")).getText());
        assertEquals("A supervisor other than the one who asked approves it.",
                item.findElement(By.cssSelector(".approval-rule")).getText());
        browser.assertAccessible();
        item.findElement(By.cssSelector("button.approve")).click();
        assertEquals("Approved: the change is applied.", browser.waitFor("#done-notice").getText());

        Gateway.Resp decided = gateway().get("/api/intelligence/cases/" + caseId, "analyst").expect(200);
        assertEquals("APPROVED", decided.json().getString("interventions[0].status"), decided.body());
        assertEquals("INTERVENTION", decided.str("status"), "the approved intervention moves the case");
    }

    @Test
    void aPreventionSupervisorSeesPreventionRequestsOnly() {
        String programme = gateway().post("/api/prevention/programmes", "prevention-officer", Json.obj("kind",
                "YOUTH_OUTREACH", "name", "Programme à déclasser " + UUID.randomUUID(), "region",
                "Rabat-Salé-Kénitra", "capacity", 10, "classification", "RESTRICTED", "compartments", List.of(),
                "description", "Programme pour la boîte d’approbation.")).expect(201).str("id");
        String requestId = gateway().post("/api/prevention/marking-requests", "prevention-officer", Json.obj(
                "objectType", "programme", "objectId", programme, "classification", "UNCLASSIFIED",
                "compartments", List.of(), "sharedWith", List.of(), "reason", "Programme public."))
                .expect(201).str("id");
        String supervisor = "st-prev-supervisor-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().user(supervisor, "supervisor", "RESTRICTED", List.of(), "MHAI");

        Browser browser = signedIn(supervisor, "st-" + supervisor + "-Pass-2026!", "en");
        browser.find("#nav-approvals").click();
        WebElement item = browser.find("li[data-item='prevention-marking-" + requestId + "']");
        assertEquals("Programme public.", item.findElement(By.cssSelector(".approval-reason")).getText());
        // the firewall: a prevention supervisor's inbox never holds (nor asks for) intelligence or liaison items
        for (WebElement listed : browser.all("#approvals > li")) {
            assertEquals("prevention", listed.getAttribute("data-source"));
        }
        assertTrue(browser.all("#source-notes").isEmpty(), "only prevention was asked, and it answered");
        browser.assertAccessible();
        item.findElement(By.cssSelector("button.approve")).click();
        assertEquals("Approved: the change is applied.", browser.waitFor("#done-notice").getText());
        assertEquals("UNCLASSIFIED", gateway().get("/api/prevention/programmes/" + programme,
                "prevention-officer").expect(200).str("classification"));
    }

    @Test
    void aSourceThatRefusesIsNamedInANote() {
        // a supervisor of the prevention agency who also holds an intelligence role: the inbox asks prevention
        // (the agency says so), and prevention's firewall refuses a token carrying an intelligence role
        String mixed = "st-mixed-supervisor-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "st-" + mixed + "-Pass-2026!";
        Gateway.Resp asked = gateway().post("/api/admin/users", "admin", Json.obj("username", mixed,
                "displayName", "Console test " + mixed, "password", password, "roles",
                List.of("supervisor", "analyst"), "clearance", "RESTRICTED", "compartments", List.of(), "agency",
                "MHAI", "enabled", true)).expect(201, 202);
        if (asked.status() == 202) {
            gateway().post("/api/admin/changes/" + asked.str("id") + "/approve", "admin-2", null).expect(200);
        }
        Browser browser = signedIn(mixed, password, "en");
        browser.open("/console/approvals");
        WebElement note = browser.find("#source-notes li[data-list='prevention-marking']");
        assertEquals("refused", note.getAttribute("data-note"));
        assertEquals("Marking requests (prevention): not shown, the service refused to list them for you",
                note.getText());
        assertEquals("Nothing waits for your decision.", browser.find("#no-items").getText());
        browser.assertAccessible();
    }

    /** The longest waiting first (the order docs/console.md gives). */
    private static void assertOldestFirst(Browser browser) {
        List<String> times = browser.all("#approvals > li time").stream()
                .map(time -> time.getAttribute("datetime")).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(java.time.Instant.parse(times.get(i - 1)).compareTo(java.time.Instant.parse(times.get(i)))
                    <= 0, "oldest first: " + times);
        }
    }

    @Test
    void anAnalystGetsTheNotFoundPageOnTheInbox() {
        Browser browser = signedIn("analyst", DemoDirectory.demoPassword("analyst"), "en");
        assertTrue(browser.all("#nav-approvals").isEmpty(), "no link to the supervisors' inbox");
        browser.open("/console/no-such-page-" + UUID.randomUUID());
        String missing = browser.find("main").getText();
        browser.open("/console/approvals");
        assertEquals("Page not found", browser.find("#error-title").getText());
        assertEquals(missing, browser.find("main").getText(), "looks exactly like a missing page");
        assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"));
        browser.assertAccessible();
    }
}
