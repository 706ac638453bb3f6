package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

/**
 * The liaison officers' console (issue 19 item 2) in a real browser against the real suite, through the gateway.
 * The acceptance journey, the officer in Arabic: a release composed for two partners is refused for one of them by
 * the third-party rule, shown in words before submission (live, and with the Check button) and next to the partners
 * when submitted anyway; the officer drops that
 * partner and submits the SECRET release; the supervisor approves it in the inbox, where the supervisor's own request
 * is listed as not approvable; the partner acknowledges it through the partner API and the officer sees the
 * acknowledgement. The other liaison pages (partners and agreements with the expiring flag, warnings with the
 * countdown, RFIs, incoming intelligence, figures) are opened too; an analyst gets the 404 page. axe-core runs on
 * every page: no serious or critical violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleLiaisonBrowserIT {

    private static final String LIAISON = "/api/liaison";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
    }

    private static Gateway gateway() {
        return SharedSuite.gateway();
    }

    private static Browser signedIn(String account, String language) {
        return Browsers.signedIn(gateway().url(), account, DemoDirectory.demoPassword(account), language);
    }

    /** A partner with its machine client and an agreement up to SECRET for terrorism, ending on {@code until}. */
    private static String partner(String prefix, String serviceName, LocalDate until) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        String client = code + "-client";
        gateway().partnerClient(client, code, "SECRET");
        String id = gateway().post(LIAISON + "/partners", "liaison-officer", Json.obj("code", code, "country",
                "ES", "serviceName", serviceName, "status", "ACTIVE", "classification", "RESTRICTED", "sharedWith",
                List.of("DGST"), "clientIds", List.of(client))).expect(201).str("id");
        gateway().post(LIAISON + "/partners/" + id + "/agreements", "liaison-officer", Json.obj("reference",
                "MOU-" + code.toUpperCase(), "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                TODAY.minusYears(1).toString(), "validTo", until.toString(), "status", "ACTIVE")).expect(201);
        return code;
    }

    @Test
    void aReleaseRefusedByTheThirdPartyRuleIsFixedSubmittedApprovedAndAcknowledged() {
        // the originator's material came under TLP:GREEN; the recipient has no consent from it
        String originator = partner("st-orig", "Servicio de origen", TODAY.plusDays(10));
        String recipient = partner("st-rcpt", "Servicio destinatario", TODAY.plusYears(1));
        String reportId = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "PARTNER",
                "originatorPartner", originator, "tlp", "GREEN", "reliability", "B", "credibility", 2,
                "collectedAt", "2026-12-01T08:00:00Z", "language", "fr", "title",
                "Rapport du partenaire " + originator, "body", "Un convoi suspect près de Tanger.",
                "classification", "SECRET", "sharedWith", List.of("DGED"))).expect(201).str("id");
        String productTitle = "منتج للإرسال " + UUID.randomUUID().toString().substring(0, 6);
        String productId = gateway().post("/api/intelligence/products", "analyst", Json.obj("title", productTitle,
                "summary", "ملخص المنتج.", "tearLine", "خط القطع.", "category", "TERRORISM", "sourceReportIds",
                List.of(reportId), "classification", "SECRET", "sharedWith", List.of("DGED"))).expect(201)
                .str("id");
        // the supervisor's own request, which the same supervisor may not approve
        String ownReport = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT",
                "reliability", "B", "credibility", 2, "collectedAt", "2026-11-30T08:00:00Z", "language", "fr",
                "title", "Rapport à déclasser " + UUID.randomUUID(), "body", "Pour la boîte d’approbation.",
                "classification", "SECRET")).expect(201).str("id");
        String ownRequest = gateway().post("/api/intelligence/marking-requests", "supervisor", Json.obj(
                "objectType", "report", "objectId", ownReport, "classification", "RESTRICTED", "compartments",
                List.of(), "sharedWith", List.of(), "reason", "Source publique.")).expect(201).str("id");

        // ---- the liaison officer, in Arabic
        Browser officer = signedIn("liaison-officer", "ar");
        assertEquals("rtl", officer.find("html").getAttribute("dir"));
        assertEquals("الاتصال", officer.find("#nav-liaison").getText());
        officer.find("#nav-liaison").click();
        assertEquals("الشركاء والاتفاقيات", officer.find("h1").getText());
        WebElement origin = officer.find("li[data-partner='" + originator + "']");
        assertEquals("true", origin.findElement(By.cssSelector("tr.agreement")).getAttribute("data-expiring"),
                "an agreement ending in ten days is flagged");
        assertTrue(origin.findElement(By.cssSelector(".expiring-flag")).getText().startsWith("ينتهي خلال"));
        assertEquals("false", officer.find("li[data-partner='" + recipient + "'] tr.agreement")
                .getAttribute("data-expiring"));
        officer.assertAccessible();

        // the composer: the checks are shown live as the fields change, before anything is submitted
        officer.find("#liaison-nav-compose").click();
        assertEquals("إرسال إلى الشركاء", officer.find("h1").getText());
        new org.openqa.selenium.support.ui.Select(officer.find("#productId")).selectByValue(productId);
        new org.openqa.selenium.support.ui.Select(officer.find("#tlp")).selectByValue("GREEN");
        officer.find("#partner-" + originator).click();
        officer.find("#partner-" + recipient).click();
        WebElement refused = officer.waitFor("#check-results li[data-partner='" + recipient + "']");
        assertEquals("third-party", refused.getAttribute("data-rule"));
        assertTrue(refused.getText().contains("قاعدة الطرف الثالث: الشريك المصدر لم يوافق"), refused.getText());
        assertTrue(refused.getText().contains(originator), "the reason names the originator: " + refused.getText());
        assertEquals("", officer.find("#check-results li[data-partner='" + originator + "']")
                .getAttribute("data-rule"), "material goes back to its own originator freely");
        assertTrue(officer.find(".checks-lineage").getText().contains(originator + " (TLP:GREEN)"));
        officer.assertAccessible();
        // without script, the Check button gives the same answer (the page comes back with the checks)
        officer.find("#check-release").click();
        officer.waitFor("#check-results li[data-partner='" + recipient + "'].refused");
        assertEquals("/console/liaison/compose", officer.path());
        // submitting anyway: the API's refusal is shown next to the partners, with the checks beside it
        officer.find("#submit-release").click();
        String refusal = officer.waitFor("#partners-error").getText();
        assertTrue(refusal.contains(recipient) && refusal.contains(originator), refusal);
        assertTrue(officer.find("#form-errors").isDisplayed());
        officer.waitFor("#check-results li[data-partner='" + recipient + "'].refused");
        officer.assertAccessible();

        // fixed: the refused partner is dropped, every check passes, the SECRET release is submitted
        officer.find("#partner-" + recipient).click();
        new WebDriverWait(officer.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("#check-results li[data-partner='" + recipient + "']")).isEmpty());
        assertEquals("true", officer.find("#release-checks").getAttribute("data-passed"));
        officer.find("#submit-release").click();
        WebElement notice = officer.waitFor("#done-notice");
        assertEquals("أُرسلت للموافقة: يجب أن يوافق عليها مشرف قبل خروجها.", notice.getText());
        String releaseId = query(officer, "id");
        WebElement pending = officer.find("li[data-release='" + releaseId + "']");
        assertEquals("PENDING_APPROVAL", pending.getAttribute("data-status"));
        assertEquals("في انتظار الموافقة", pending.findElement(By.cssSelector(".release-status")).getText());
        officer.assertAccessible();

        // ---- the supervisor approves it in the inbox; the supervisor's own request is not approvable
        Browser supervisor = signedIn("supervisor", "en");
        supervisor.open("/console/approvals");
        WebElement item = supervisor.find("li[data-item='liaison-release-" + releaseId + "']");
        assertEquals(productTitle, item.findElement(By.cssSelector(".approval-subject")).getText());
        assertEquals("TLP:GREEN → " + originator, item.findElement(By.cssSelector(".approval-after")).getText());
        assertEquals("liaison-officer", item.findElement(By.cssSelector(".approval-requester")).getText());
        assertTrue(item.findElements(By.cssSelector(".why-not")).isEmpty());
        WebElement mine = supervisor.find("li[data-item='intelligence-marking-" + ownRequest + "']");
        assertFalse(mine.findElement(By.cssSelector("button.approve")).isEnabled(),
                "the supervisor cannot approve their own request");
        assertEquals("You asked for this: another supervisor must decide.",
                mine.findElement(By.cssSelector(".why-not")).getText());
        supervisor.assertAccessible();
        item.findElement(By.cssSelector("button.approve")).click();
        assertEquals("Approved: the change is applied.", supervisor.waitFor("#done-notice").getText());
        assertTrue(supervisor.all("li[data-item='liaison-release-" + releaseId + "']").isEmpty());
        assertEquals("RELEASED", gateway().get(LIAISON + "/releases/" + releaseId, "liaison-officer").expect(200)
                .str("status"));

        // ---- the partner acknowledges through the partner API; the officer sees it
        gateway().post(LIAISON + "/partner/releases/" + releaseId + "/acknowledge", originator + "-client", null)
                .expect(200);
        officer.open("/console/liaison/releases?partner=" + originator);
        WebElement row = officer.find("li[data-release='" + releaseId + "'] tr[data-partner='" + originator + "']");
        assertEquals("ACKNOWLEDGED", row.findElement(By.cssSelector(".recipient-status")).getAttribute("data-status"));
        assertEquals("تم الإشعار بالاستلام", row.findElement(By.cssSelector(".recipient-status")).getText());
        assertFalse(row.findElement(By.cssSelector(".acknowledged")).getText().equals("-"));
        officer.assertAccessible();
    }

    @Test
    void aSupervisorOfTheLiaisonAgencyDecidesConsentsWarningsAndWideningsInTheInbox() {
        String originator = partner("st-cons-o", "Servicio de origen", TODAY.plusYears(1));
        String recipient = partner("st-cons-r", "Service destinataire", TODAY.plusYears(1));
        String consentId = gateway().post(LIAISON + "/consents", "liaison-officer", Json.obj("originatorPartner",
                originator, "recipientPartner", recipient, "category", "TERRORISM", "validFrom", TODAY.toString(),
                "validTo", TODAY.plusMonths(6).toString(), "reference", "REF/" + originator, "grantedOn",
                TODAY.toString())).expect(201).str("id");
        String warningId = gateway().post(LIAISON + "/warnings", "liaison-officer", Json.obj("partner", recipient,
                "precedence", "PRIORITY", "tlp", "AMBER", "category", "TERRORISM", "title",
                "Alerte secrète " + recipient, "body", "Un réseau actif.", "classification", "SECRET"))
                .expect(201).str("id");
        // the officer proposes a higher ceiling: it waits for a supervisor who did not propose it
        String partnerId = gateway().get(LIAISON + "/partners?limit=200", "liaison-officer").expect(200).json()
                .getString("items.find { it.code == '" + originator + "' }.id");
        Gateway.Resp agreement = gateway().get(LIAISON + "/partners/" + partnerId + "/agreements",
                "liaison-officer").expect(200);
        String agreementId = agreement.json().getString("[0].id");
        gateway().put(LIAISON + "/partners/" + partnerId + "/agreements/" + agreementId, "liaison-officer",
                Json.obj("reference", "MOU-" + originator.toUpperCase(), "ceiling", "TOP_SECRET", "categories",
                        List.of("TERRORISM"), "validFrom", TODAY.minusYears(1).toString(), "validTo",
                        TODAY.plusYears(1).toString(), "status", "ACTIVE"),
                "\"" + agreement.json().getLong("[0].version") + "\"").expect(200);

        String second = "st-dged-supervisor-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().user(second, "supervisor", "TOP_SECRET", DemoDirectory.ALL_COMPARTMENTS, "DGED");
        Browser browser = Browsers.open(gateway().url(), "fr", second + "-fr");
        browser.signIn(second, "st-" + second + "-Pass-2026!");
        browser.open("/console/approvals");
        WebElement consent = browser.find("li[data-item='liaison-consent-" + consentId + "']");
        assertEquals(originator + " → " + recipient, consent.findElement(By.cssSelector(".approval-subject"))
                .getText());
        assertEquals("REF/" + originator, consent.findElement(By.cssSelector(".approval-reason")).getText());
        assertEquals("liaison-officer", consent.findElement(By.cssSelector(".approval-requester")).getText());
        WebElement warning = browser.find("li[data-item='liaison-warning-" + warningId + "']");
        assertEquals("PRIORITY · TLP:AMBER → " + recipient,
                warning.findElement(By.cssSelector(".approval-after")).getText());
        WebElement widening = browser.find("li[data-item='liaison-widening-" + agreementId + "']");
        assertEquals("SECRET · TERRORISM", widening.findElement(By.cssSelector(".approval-before")).getText());
        assertEquals("TOP_SECRET · TERRORISM", widening.findElement(By.cssSelector(".approval-after")).getText());
        assertTrue(browser.all("#source-notes").isEmpty(), "every list answered");
        assertTrue(consent.findElement(By.cssSelector(".approval-title")).getText()
                .contains("Consentement d’un tiers · "), "the kind in French");
        browser.assertAccessible();

        consent.findElement(By.cssSelector("button.approve")).click();
        browser.waitFor("#done-notice");
        assertEquals("APPROVED", gateway().get(LIAISON + "/consents/" + consentId, "liaison-officer").expect(200)
                .str("status"));
        browser.find("li[data-item='liaison-warning-" + warningId + "'] textarea").sendKeys("Source à protéger.");
        browser.find("li[data-item='liaison-warning-" + warningId + "'] button.reject").click();
        browser.waitFor("#done-notice");
        Gateway.Resp rejected = gateway().get(LIAISON + "/warnings/" + warningId, "liaison-officer").expect(200);
        assertEquals("REJECTED", rejected.str("status"));
        assertEquals("Source à protéger.", rejected.str("rejectionReason"));
        browser.find("li[data-item='liaison-widening-" + agreementId + "'] button.approve").click();
        browser.waitFor("#done-notice");
        assertEquals("TOP_SECRET", gateway().get(LIAISON + "/partners/" + partnerId + "/agreements/" + agreementId,
                "liaison-officer").expect(200).str("ceiling"));
        browser.assertAccessible();
    }

    @Test
    void warningsShowTheirCountdownAndTheOtherPagesOpen() {
        String code = partner("st-warn", "Service averti", TODAY.plusYears(1));
        String warningId = gateway().post(LIAISON + "/warnings", "liaison-officer", Json.obj("partner", code,
                "precedence", "IMMEDIATE", "tlp", "AMBER", "category", "TERRORISM", "title",
                "Alerte immédiate " + code, "body", "Un véhicule suspect.", "classification", "CONFIDENTIAL"))
                .expect(201).str("id");
        gateway().post(LIAISON + "/partner/rfis", code + "-client", Json.obj("subject", "Demande " + code,
                "question", "Qui finance le convoi ?", "language", "fr", "dueDate", TODAY.plusDays(7).toString()))
                .expect(201);

        Browser officer = signedIn("liaison-officer", "fr");
        officer.open("/console/liaison/warnings?precedence=IMMEDIATE");
        assertEquals("Alertes de menace", officer.find("h1").getText());
        WebElement warning = officer.find("tr[data-warning='" + warningId + "']");
        assertEquals("open", warning.getAttribute("data-state"));
        assertEquals("Immédiat", warning.findElement(By.cssSelector(".precedence")).getText());
        // the countdown runs in the page: about an hour left, shown as h:mm:ss and ticking
        WebElement countdown = warning.findElement(By.cssSelector(".countdown"));
        new WebDriverWait(officer.driver(), Duration.ofSeconds(10))
                .until(d -> countdown.getText().matches("0?0:[0-5][0-9]:[0-5][0-9]"));
        String first = countdown.getText();
        new WebDriverWait(officer.driver(), Duration.ofSeconds(5)).until(d -> !countdown.getText().equals(first));
        officer.assertAccessible();

        officer.open("/console/liaison/rfis");
        assertEquals("Demandes de renseignement", officer.find("h1").getText());
        officer.assertAccessible();
        officer.open("/console/liaison/incoming");
        assertEquals("Renseignement reçu des partenaires", officer.find("h1").getText());
        officer.assertAccessible();
        officer.open("/console/liaison/statistics");
        assertEquals("Chiffres de la coopération", officer.find("h1").getText());
        officer.find("#liaison-chart");
        Object loaded = new WebDriverWait(officer.driver(), Duration.ofSeconds(10)).until(d -> officer.script(
                "const i = document.getElementById('liaison-chart'); return i.complete && i.naturalWidth > 0;"));
        assertEquals(Boolean.TRUE, loaded, "the chart is drawn");
        officer.assertAccessible();
    }

    @Test
    void anAnalystGetsTheNotFoundPageOnTheLiaisonPages() {
        Browser browser = signedIn("analyst", "en");
        assertTrue(browser.all("#nav-liaison").isEmpty(), "no link to the liaison pages");
        for (String page : List.of("/console/liaison", "/console/liaison/compose", "/console/liaison/releases")) {
            browser.open(page);
            assertEquals("Page not found", browser.find("#error-title").getText(), page);
        }
        browser.assertAccessible();
    }

    private static String query(Browser browser, String name) {
        String query = URI.create(browser.driver().getCurrentUrl()).getQuery();
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + query);
    }
}
