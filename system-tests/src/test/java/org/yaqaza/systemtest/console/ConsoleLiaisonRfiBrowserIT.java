package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The liaison officers' RFI page and the composer's refusal reasons in words (issue 19), in a real browser against
 * the real suite through the gateway: an officer sends an outgoing RFI (first refused next to the partner field: above
 * the agreement's ceiling), the partner reads and answers it through the partner API with its own token, the console
 * shows it answered; another one is withdrawn from the page. The composer's third-party refusal is worded from the
 * API's reason code in Arabic (RTL) and French. axe-core: no serious or critical violation on every page visited.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleLiaisonRfiBrowserIT {

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

    /** A partner with its machine client and an active agreement for terrorism up to {@code ceiling}. */
    private static String partner(String prefix, String ceiling) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        String client = code + "-client";
        gateway().partnerClient(client, code, "SECRET");
        String id = gateway().post(LIAISON + "/partners", "liaison-officer", Json.obj("code", code, "country",
                "FR", "serviceName", "Service " + code, "status", "ACTIVE", "classification", "RESTRICTED",
                "sharedWith", List.of("DGST"), "clientIds", List.of(client))).expect(201).str("id");
        gateway().post(LIAISON + "/partners/" + id + "/agreements", "liaison-officer", Json.obj("reference",
                "MOU-" + code.toUpperCase(), "ceiling", ceiling, "categories", List.of("TERRORISM"), "validFrom",
                TODAY.minusYears(1).toString(), "validTo", TODAY.plusYears(1).toString(), "status", "ACTIVE"))
                .expect(201);
        return code;
    }

    private static WebElement outgoingRow(Browser browser, String subject) {
        for (WebElement row : browser.all("tr[data-outgoing-rfi]")) {
            if (row.findElement(By.cssSelector("th bdi")).getText().equals(subject)) {
                return row;
            }
        }
        throw new AssertionError("no outgoing RFI row " + subject);
    }

    @Test
    void anOutgoingRfiIsSentAnsweredByThePartnerAndAnotherWithdrawn() {
        String code = partner("st-rfi", "CONFIDENTIAL");
        String other = partner("st-rfo", "CONFIDENTIAL");
        String subject = "Demande " + code;

        Browser officer = signedIn("liaison-officer", "fr");
        officer.open("/console/liaison/rfis");
        assertEquals("Demandes de renseignement", officer.find("h1").getText());
        assertEquals("Nos demandes envoyées", officer.find("#outgoing-title").getText());
        officer.assertAccessible();

        // above the agreement's ceiling: the API's refusal is shown next to the partner field, the form kept
        new Select(officer.find("#partner")).selectByValue(code);
        officer.find("#subject").sendKeys(subject);
        officer.find("#question").sendKeys("Qui finance le convoi parti de Tanger le 3 mars ?");
        new Select(officer.find("#category")).selectByValue("TERRORISM");
        new Select(officer.find("#tlp")).selectByValue("AMBER");
        officer.script("document.getElementById('dueDate').value = arguments[0];", TODAY.plusDays(5).toString());
        new Select(officer.find("#classification")).selectByValue("SECRET");
        officer.find("#send-rfi").click();
        String refusal = officer.waitFor("#partner-error").getText();
        assertTrue(refusal.contains(code) && refusal.contains("SECRET"), refusal);
        assertTrue(officer.find("#form-errors").isDisplayed());
        assertEquals(subject, officer.find("#subject").getAttribute("value"));
        officer.assertAccessible();

        // fixed: within the ceiling, it is sent
        new Select(officer.find("#classification")).selectByValue("RESTRICTED");
        officer.find("#send-rfi").click();
        assertEquals("La demande a été envoyée au partenaire.", officer.waitFor("#done-notice").getText());
        WebElement row = outgoingRow(officer, subject);
        String id = row.getAttribute("data-outgoing-rfi");
        assertEquals("SENT", row.getAttribute("data-status"));
        assertEquals("envoyée", row.findElement(By.cssSelector(".rfi-status")).getText());
        assertEquals(TODAY.plusDays(5).toString(), row.findElement(By.cssSelector("time")).getAttribute("datetime"));
        officer.assertAccessible();

        // the partner, with its own token over real HTTP: sees only what is addressed to it, and answers
        assertTrue(gateway().get(LIAISON + "/partner/rfis-received", code + "-client").expect(200).json()
                .getList("id").contains(id));
        assertFalse(gateway().get(LIAISON + "/partner/rfis-received", other + "-client").expect(200).json()
                .getList("id").contains(id));
        gateway().get(LIAISON + "/partner/rfis-received/" + id, other + "-client").expect(404);
        gateway().post(LIAISON + "/partner/rfis-received/" + id + "/answer", code + "-client",
                Json.obj("answer", "Un négociant de Casablanca, identifié le 4 mars.")).expect(200);

        officer.open("/console/liaison/rfis");
        row = officer.find("tr[data-outgoing-rfi='" + id + "']");
        assertEquals("ANSWERED", row.getAttribute("data-status"));
        assertEquals("répondue", row.findElement(By.cssSelector(".rfi-status")).getText());
        assertEquals("Un négociant de Casablanca, identifié le 4 mars.",
                row.findElement(By.cssSelector(".rfi-answer")).getText());
        assertTrue(row.findElements(By.cssSelector("button.withdraw")).isEmpty(), "an answered RFI stays");

        // another one is withdrawn from the page; the partner can no longer answer it
        String second = gateway().post(LIAISON + "/outgoing-rfis", "liaison-officer", Json.obj("partner", code,
                "subject", "Seconde demande " + code, "question", "Le convoi est-il reparti ?", "category",
                "TERRORISM", "tlp", "GREEN", "dueDate", TODAY.plusDays(2).toString(), "classification",
                "RESTRICTED")).expect(201).str("id");
        officer.open("/console/liaison/rfis");
        officer.find("#reason-" + second).sendKeys("Obtenu par une autre voie");
        officer.find("#withdraw-" + second).click();
        assertEquals("La demande a été retirée.", officer.waitFor("#done-notice").getText());
        assertEquals("WITHDRAWN", officer.find("tr[data-outgoing-rfi='" + second + "']").getAttribute("data-status"));
        gateway().post(LIAISON + "/partner/rfis-received/" + second + "/answer", code + "-client",
                Json.obj("answer", "Trop tard")).expect(409);
        officer.assertAccessible();
    }

    @Test
    void theComposersThirdPartyRefusalIsWordedInArabicAndFrench() {
        // the originator's material came under TLP:GREEN; the recipient has no consent from it
        String originator = partner("st-ori", "SECRET");
        String recipient = partner("st-rec", "SECRET");
        String reportId = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "PARTNER",
                "originatorPartner", originator, "tlp", "GREEN", "reliability", "B", "credibility", 2,
                "collectedAt", "2026-12-01T08:00:00Z", "language", "fr", "title",
                "Rapport du partenaire " + originator, "body", "Un convoi suspect près de Tanger.",
                "classification", "SECRET", "sharedWith", List.of("DGED"))).expect(201).str("id");
        String productId = gateway().post("/api/intelligence/products", "analyst", Json.obj("title",
                "منتج " + originator, "summary", "ملخص المنتج.", "tearLine", "خط القطع.", "category", "TERRORISM",
                "sourceReportIds", List.of(reportId), "classification", "SECRET", "sharedWith", List.of("DGED")))
                .expect(201).str("id");
        String composer = "/console/liaison/compose?productId=" + productId + "&partners=" + recipient
                + "&tlp=GREEN";

        Browser arabic = signedIn("liaison-officer", "ar");
        arabic.open(composer);
        assertEquals("rtl", arabic.find("html").getAttribute("dir"));
        assertEquals("ar", arabic.find("html").getAttribute("lang"));
        WebElement reason = arabic.waitFor("#check-results li[data-partner='" + recipient + "'] .reason");
        assertEquals("third-party-no-consent", reason.getAttribute("data-reason"));
        assertEquals("المنتج مستمد من مادة أرسلها " + originator + "، الذي لم يوافق على إرسالها إلى " + recipient
                + ".", reason.getText());
        arabic.assertAccessible();

        Browser french = signedIn("liaison-officer", "fr");
        french.open(composer);
        assertEquals("ltr", french.find("html").getAttribute("dir"));
        reason = french.waitFor("#check-results li[data-partner='" + recipient + "'] .reason");
        assertEquals("third-party-no-consent", reason.getAttribute("data-reason"));
        assertEquals("Le produit dérive de matériel envoyé par " + originator + ", qui n’a pas consenti à sa "
                + "transmission à " + recipient + ".", reason.getText());
        french.assertAccessible();
    }
}
