package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

/**
 * The console's pages for auditors and administrators (issue 19 items 4 and 5, issue 18's audit-trail link) in a
 * real browser against the real suite, through the gateway: the chain status of the four services, a report's
 * audit trail opened from the report page, paging that keeps the filters, a clearance grant that waits for a
 * second administrator (the requester cannot approve it, another administrator does, and it applies), the 404
 * page for anyone else, one journey in Arabic. axe-core runs on every page visited: no serious or critical
 * violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleAdminAuditBrowserIT {

    private static final List<String> SERVICES = List.of("gateway", "intelligence", "liaison", "prevention");

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

    private static Browser signedIn(String account, String language) {
        return signedIn(account, DemoDirectory.demoPassword(account), language);
    }

    /**
     * A person the directory creates through the API: the demo admin asks, the second demo admin approves when the
     * grant needs four-eyes. Returns the password.
     */
    private static String person(String username, List<String> roles, String clearance) {
        String password = "st-" + username + "-Pass-2026!";
        Gateway.Resp asked = gateway().post("/api/admin/users", "admin", Json.obj("username", username,
                "displayName", "Console test " + username, "password", password, "roles", roles, "clearance",
                clearance, "compartments", List.of(), "agency", "DGST", "enabled", true)).expect(201, 202);
        if (asked.status() == 202) {
            gateway().post("/api/admin/changes/" + asked.str("id") + "/approve", "admin-2", null).expect(200);
        }
        return password;
    }

    private static String report(String title) {
        return gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT", "reliability",
                "B", "credibility", 2, "collectedAt", "2026-11-30T08:00:00Z", "language", "fr", "title", title,
                "body", "Rapport pour le journal d’audit.", "classification", "RESTRICTED")).expect(201).str("id");
    }

    @Test
    void anAuditorSeesEveryChainAndOpensAReportsAuditTrailFromTheReportPage() {
        // an inspector reads reports (analyst) and the audit trail (auditor): the demo auditor alone may not read
        // reports (the API's rule), so the report page, and its link, are for people holding both
        String inspector = "st-inspector-" + UUID.randomUUID().toString().substring(0, 6);
        String password = person(inspector, List.of("analyst", "auditor"), "TOP_SECRET");
        String reportId = report("Rapport audité " + inspector);

        Browser browser = signedIn(inspector, password, "en");
        browser.find("#nav-audit").click();
        browser.waitFor("#chains");
        for (String service : SERVICES) {
            WebElement chain = browser.find("#chain-" + service);
            assertEquals("valid", chain.getAttribute("data-status"), service + ": " + chain.getText());
            assertTrue(chain.getText().contains("Valid"), chain.getText());
            // a service's trail is several hash chains that verify as one (issue 21)
            assertTrue(chain.getText().contains("hash chains"), chain.getText());
        }
        browser.assertAccessible();

        browser.open("/console/reports/" + reportId);
        browser.find("#report-audit").click();
        browser.waitFor("#events");
        assertEquals("/console/audit", browser.path());
        assertEquals(reportId, browser.find("#objectId").getAttribute("value"), "the trail is filtered on the report");
        assertEquals("intelligence", new Select(browser.find("#service")).getFirstSelectedOption()
                .getAttribute("value"));
        List<WebElement> rows = browser.all("#events tbody tr");
        assertFalse(rows.isEmpty());
        for (WebElement row : rows) {
            assertTrue(row.getText().contains(reportId), "only this report's events: " + row.getText());
        }
        assertTrue(browser.all(".event-action").stream().anyMatch(cell -> cell.getText().equals("CREATE")),
                "the report's creation is in its trail");
        browser.assertAccessible();

        // the demo auditor (no reading role) sees the four chains too, here in Arabic (right to left)
        Browser auditor = signedIn("auditor", "ar");
        auditor.open("/console/audit");
        assertEquals("rtl", auditor.find("html").getAttribute("dir"));
        assertEquals("سلسلة التدقيق لكل خدمة", auditor.find("#chains-title").getText());
        for (String service : SERVICES) {
            WebElement chain = auditor.find("#chain-" + service);
            assertEquals("valid", chain.getAttribute("data-status"));
            assertTrue(chain.getText().contains("سليمة"), chain.getText());
        }
        auditor.assertAccessible();
    }

    @Test
    void theAuditTrailPagesOnTheServerKeepingTheFilters() {
        String marker = "yza" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 21; i++) {
            report("Rapport " + marker + " " + i);
        }
        Browser browser = signedIn("auditor", "fr");
        browser.open("/console/audit");
        new Select(browser.find("#service")).selectByValue("intelligence");
        browser.find("#actor").sendKeys("analyst");
        browser.find("#objectType").sendKeys("report");
        browser.find("#audit-submit").click();
        browser.waitFor("#events");
        assertEquals("Journal d’audit · Renseignement", browser.find("#trail-title").getText());
        List<WebElement> first = browser.all("#events tbody tr");
        assertEquals(20, first.size(), "one page of the console's page size");
        long lastOfFirst = Long.parseLong(first.get(first.size() - 1).getAttribute("data-seq"));
        browser.assertAccessible();

        browser.find("#next-page").click();
        browser.waitFor("#events");
        assertEquals("analyst", browser.find("#actor").getAttribute("value"), "the filters are kept");
        assertEquals("report", browser.find("#objectType").getAttribute("value"));
        long firstOfSecond = Long.parseLong(browser.find("#events tbody tr").getAttribute("data-seq"));
        assertTrue(firstOfSecond > lastOfFirst, "the next page starts after the first");
        for (WebElement row : browser.all("#events tbody tr")) {
            assertTrue(row.getText().contains("analyst"), row.getText());
        }

        // a time the API refuses is shown next to its field, the other filters kept
        browser.script("arguments[0].type = 'text'; arguments[0].value = 'hier'", browser.find("#from"));
        browser.find("#audit-submit").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#from-error").getText().isBlank());
        assertEquals("analyst", browser.find("#actor").getAttribute("value"));
        browser.assertAccessible();
    }

    @Test
    void anAdministratorsClearanceGrantWaitsForASecondAdministrator() {
        String grantee = "st-grantee-" + UUID.randomUUID().toString().substring(0, 6);
        person(grantee, List.of("analyst"), "RESTRICTED");

        Browser admin = signedIn("admin", "en");
        admin.find("#nav-admin").click();
        admin.waitFor("#users");
        admin.assertAccessible();
        admin.open("/console/admin/users/" + grantee);
        assertEquals("RESTRICTED", admin.find("#account-clearance").getAttribute("data-clearance"));
        admin.assertAccessible();
        // the API's problem next to its field, what was typed kept
        admin.find("#agency").clear();
        admin.find("#displayName").clear();
        admin.find("#displayName").sendKeys("Renamed " + grantee);
        admin.find("#save-user").click();
        admin.waitFor("#form-errors");
        assertFalse(admin.find("#agency-error").getText().isBlank(), "the agency's problem next to the agency");
        assertEquals("Renamed " + grantee, admin.find("#displayName").getAttribute("value"));
        admin.assertAccessible();

        admin.open("/console/admin/users/" + grantee);
        new Select(admin.find("#clearance")).selectByValue("SECRET");
        admin.find("#save-user").click();

        // pending, not applied
        admin.waitFor("#pending-notice");
        assertEquals("RESTRICTED", admin.find("#account-clearance").getAttribute("data-clearance"),
                "a grant that needs a second administrator is not applied");
        assertEquals("RESTRICTED", gateway().get("/api/admin/users/" + grantee, "admin").expect(200)
                .str("clearance"));
        admin.assertAccessible();

        // the requester's own change is listed, its approve button disabled with the reason
        admin.find("#pending-link").click();
        String change = "li[data-name='" + grantee + "'][data-status='PENDING']";
        WebElement own = admin.find(change);
        WebElement approve = own.findElement(By.cssSelector("button.approve"));
        assertFalse(approve.isEnabled(), "the requester cannot approve their own change");
        assertEquals("You asked for this change: another administrator must approve it.",
                own.findElement(By.cssSelector(".why-not")).getText());
        assertTrue(own.findElement(By.cssSelector(".change-after")).getText().contains("SECRET"));
        admin.assertAccessible();
        // and in the one approvals inbox, with what changes, still not approvable by its requester
        admin.find("#nav-approvals").click();
        WebElement ownInInbox = directoryGrant(admin, grantee);
        assertFalse(ownInInbox.findElement(By.cssSelector("button.approve")).isEnabled());
        assertTrue(ownInInbox.findElement(By.cssSelector(".approval-after")).getText().contains("SECRET"));
        assertEquals("You asked for this change: another administrator must approve it.",
                ownInInbox.findElement(By.cssSelector(".why-not")).getText());
        admin.assertAccessible();

        // the second administrator, in Arabic, sees it among the changes and approves it from the inbox
        Browser second = signedIn("admin-2", "ar");
        assertEquals("rtl", second.find("html").getAttribute("dir"));
        assertEquals("الدليل", second.find("#nav-admin").getText());
        second.open("/console/admin/changes");
        assertEquals("تغييرات في انتظار مشرف ثانٍ", second.find("h1").getText());
        assertTrue(second.find(change).findElement(By.cssSelector("button.approve")).isEnabled());
        second.assertAccessible();
        second.find("#nav-approvals").click();
        WebElement theirs = directoryGrant(second, grantee);
        assertTrue(theirs.findElement(By.cssSelector(".approval-title")).getText().contains("منح في الدليل"));
        WebElement approveIt = theirs.findElement(By.cssSelector("button.approve"));
        assertTrue(approveIt.isEnabled());
        assertEquals("موافقة", approveIt.getText());
        second.assertAccessible();
        approveIt.click();
        second.waitFor("#done-notice");
        second.open("/console/admin/changes?status=APPROVED");
        second.waitFor("li[data-name='" + grantee + "'][data-status='APPROVED']");

        // the change applies
        second.open("/console/admin/users/" + grantee);
        assertEquals("SECRET", second.find("#account-clearance").getAttribute("data-clearance"));
        assertEquals("SECRET", gateway().get("/api/admin/users/" + grantee, "admin").expect(200).str("clearance"));
        second.assertAccessible();

        // taking access away applies at once
        second.find("#disable").click();
        second.waitFor("#done-notice");
        assertEquals("false", second.find("#account-state").getAttribute("data-enabled"));
        assertEquals(false, gateway().get("/api/admin/users/" + grantee, "admin").expect(200).json()
                .getBoolean("enabled"));
    }

    /** The inbox item of the pending directory grant for the account {@code name}. */
    private static WebElement directoryGrant(Browser browser, String name) {
        browser.waitFor("#approvals");
        return browser.driver().findElements(By.cssSelector("li[data-kind='directory']")).stream()
                .filter(item -> item.findElement(By.cssSelector(".approval-subject")).getText().endsWith(" " + name))
                .findFirst().orElseThrow(() -> new AssertionError("no directory grant for " + name + " in the inbox"));
    }

    @Test
    void anAdministratorSeesTheMachineClientsUnlocksOneAndDisablesAnother() {
        String clientId = "st-console-client-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().post("/api/admin/clients", "admin", Json.obj("clientId", clientId, "displayName",
                "Console test client", "secret", "st-" + clientId + "-secret-2026", "roles", List.of("analyst"),
                "clearance", "RESTRICTED", "compartments", List.of(), "agency", "DGST", "enabled", true))
                .expect(201);

        Browser admin = signedIn("admin-2", "en");
        admin.open("/console/admin/clients");
        admin.waitFor("#clients");
        admin.assertAccessible();
        admin.find("tr[data-client='" + DemoDirectory.PARTNER_CLIENT.clientId() + "'] a").click();
        assertTrue(admin.find("#account-facts").getText().contains("es-cni"), "the partner is shown");
        admin.assertAccessible();
        admin.find("#unlock").click();
        assertEquals("The account’s sign-in throttling is lifted.", admin.find("#done-notice").getText());
        assertEquals("true", admin.find("#account-state").getAttribute("data-enabled"));

        admin.open("/console/admin/clients/" + clientId);
        admin.find("#disable").click();
        assertEquals("The account is disabled.", admin.find("#done-notice").getText());
        assertEquals("false", admin.find("#account-state").getAttribute("data-enabled"));
        assertTrue(admin.all("#disable").isEmpty(), "nothing left to disable");
        assertEquals(false, gateway().get("/api/admin/clients/" + clientId, "admin").expect(200).json()
                .getBoolean("enabled"));
    }

    @Test
    void anAnalystGetsTheNotFoundPageOnTheAuditorsAndAdministratorsPages() {
        String reportId = report("Rapport sans lien d’audit");
        Browser browser = signedIn("analyst", "en");
        assertTrue(browser.all("#nav-audit, #nav-admin").isEmpty(), "no link to pages of other roles");
        browser.open("/console/reports/" + reportId);
        browser.waitFor("#report-title");
        assertTrue(browser.all("#report-audit").isEmpty(), "the audit-trail link is for auditors only");
        browser.open("/console/no-such-page-" + UUID.randomUUID());
        String missing = browser.find("main").getText();
        for (String page : List.of("/console/audit", "/console/audit?service=gateway", "/console/admin/users",
                "/console/admin/users/admin", "/console/admin/clients", "/console/admin/changes")) {
            browser.open(page);
            assertEquals("Page not found", browser.find("#error-title").getText(), page);
            assertEquals(missing, browser.find("main").getText(), page + " looks exactly like a missing page");
            assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"));
        }
        browser.assertAccessible();
        assertEquals("/console/admin/changes", URI.create(browser.driver().getCurrentUrl()).getPath());
    }
}
