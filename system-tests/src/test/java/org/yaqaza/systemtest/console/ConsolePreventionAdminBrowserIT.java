package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
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
 * The prevention officers' create/edit forms, the certificate registry and the prevention items of the
 * supervisors' inbox (issue 19 items 1 and 3), in a real browser against the real suite: in Arabic (RTL and
 * translated labels) an officer creates a programme (the service's refusal shown next to its field, what was
 * typed kept), adds a module and an edition, and registers a participant; in English an officer issues, finds
 * (by an Arabic name written another way), renews and revokes an imam's certificate; a prevention supervisor
 * approves a referral from the inbox while an intelligence supervisor's inbox does not list it. axe-core runs on
 * every page visited: no serious or critical violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsolePreventionAdminBrowserIT {

    private static final String PREVENTION = "/api/prevention";
    private static final LocalDate TODAY = LocalDate.now();

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

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    @Test
    void anOfficerCreatesAProgrammeAnEditionAndRegistersAParticipantInArabic() {
        Browser browser = signedIn("prevention-officer", "ar");
        assertEquals("rtl", browser.find("html").getAttribute("dir"));
        browser.open("/console/prevention/programmes");
        browser.find("#to-new-programme").click();
        browser.waitFor("#programme-form");
        assertEquals("برنامج جديد", browser.find("h1").getText());
        assertEquals("اسم البرنامج", browser.find("label[for=name]").getText());
        browser.assertAccessible();

        // no region: the service's problem next to the field, the rest kept as typed
        String name = "مرافقة ما بعد الإفراج " + unique();
        new Select(browser.find("#kind")).selectByValue("POST_RELEASE_REINTEGRATION");
        browser.find("#name").sendKeys(name);
        browser.find("#institution").sendKeys("السجن المحلي بفاس");
        browser.find("#capacity").sendKeys("12");
        browser.find("#schedule").sendKeys("TUESDAY 09:00-12:00 مكتبة السجن");
        browser.find("#partnerInstitutions").sendKeys("المجلس العلمي المحلي | المنهاج");
        browser.find("#programme-submit").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#region-error").getText().isBlank(), "the region's problem next to it");
        assertEquals(name, browser.find("#name").getAttribute("value"));
        assertEquals("TUESDAY 09:00-12:00 مكتبة السجن", browser.find("#schedule").getAttribute("value"));
        browser.assertAccessible();
        browser.find("#region").sendKeys("فاس-مكناس");
        browser.find("#programme-submit").click();
        browser.waitFor("#programme-title");
        assertEquals("أُنشئ البرنامج.", browser.find("#done-notice").getText());
        assertEquals(name, browser.find("#programme-title").getText());
        browser.assertAccessible();

        // the edit page: the schedule and the partners read back, a module added to the curriculum
        browser.find("#edit-programme").click();
        browser.waitFor("#module-form");
        assertEquals("TUESDAY 09:00-12:00 مكتبة السجن", browser.find("#schedule").getAttribute("value"));
        assertEquals("المجلس العلمي المحلي | المنهاج", browser.find("#partnerInstitutions").getAttribute("value"));
        browser.find("#code").sendKeys("SELF-1");
        browser.find("#title").sendKeys("المصالحة مع الذات");
        browser.find("#requiredSessions").sendKeys("4");
        browser.find("#module-submit").click();
        browser.waitFor("#programme-title");
        assertEquals("أُضيفت الوحدة.", browser.find("#done-notice").getText());
        assertTrue(browser.find("#modules").getText().contains("SELF-1"));
        // a change of capacity saved with the version read
        browser.find("#edit-programme").click();
        browser.waitFor("#programme-form");
        browser.find("#capacity").clear();
        browser.find("#capacity").sendKeys("15");
        browser.assertAccessible();
        browser.find("#programme-submit").click();
        browser.waitFor("#programme-title");
        assertEquals("حُفظ البرنامج.", browser.find("#done-notice").getText());

        // an edition
        browser.find("#new-edition").click();
        browser.waitFor("#edition-form");
        assertEquals("دورة جديدة", browser.find("h1").getText());
        browser.find("#name").sendKeys("الدورة الأولى");
        browser.assertAccessible();
        browser.find("#edition-submit").click();
        browser.waitFor("#apply-form");
        assertTrue(browser.find("main").getText().contains("الدورة الأولى"), "the new edition's page");

        // a participant: a national id the service refuses, then the code it gives
        browser.open("/console/prevention/participants/new");
        assertEquals("تسجيل مشارك", browser.find("h1").getText());
        browser.find("#fullNameAr").sendKeys("يوسف بن علي");
        browser.find("#fullNameLatin").sendKeys("Youssef Ben Ali");
        browser.find("#nationalId").sendKeys("Z1");
        browser.script("document.getElementById('birthDate').value = '1990-01-01'");
        browser.find("#participant-submit").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#nationalId-error").getText().isBlank(), "the national id's problem next to it");
        assertEquals("يوسف بن علي", browser.find("#fullNameAr").getAttribute("value"));
        browser.assertAccessible();
        browser.find("#nationalId").clear();
        browser.find("#nationalId").sendKeys("ZT" + unique());
        new Select(browser.find("#classification")).selectByValue("RESTRICTED");
        browser.find("#participant-submit").click();
        browser.waitFor("#registered-code");
        assertTrue(browser.find("#registered-code").getText().startsWith("YQ-"), browser.find("#registered-code")
                .getText());
        assertFalse(browser.find("main").getText().contains("Youssef"), "the identity is not shown again");
        browser.assertAccessible();
    }

    /** An imam-training programme and a participant (Arabic name with a hamza) who completed it, via the API. */
    private static String[] graduate(String tag) {
        String programme = gateway().post(PREVENTION + "/programmes", "prevention-officer", Json.obj("kind",
                "IMAM_TRAINING", "name", "Formation des imams " + tag, "institution", "Institut Mohammed VI",
                "region", "Rabat-Salé-Kénitra", "capacity", 30, "classification", "RESTRICTED", "compartments",
                List.of())).expect(201).str("id");
        String edition = gateway().post(PREVENTION + "/programmes/" + programme + "/editions", "prevention-officer",
                Json.obj("name", "Promotion " + tag, "startsOn", TODAY.minusDays(200).toString(), "capacity", 30))
                .expect(201).str("id");
        String code = gateway().post(PREVENTION + "/participants", "prevention-officer", Json.obj("identity",
                Json.obj("fullNameAr", "عبد الرحمن الإدريسي " + tag, "fullNameLatin", "Abderrahmane Idrissi " + tag,
                        "nationalId", "IM" + tag, "birthDate", "1985-03-03"),
                "classification", "RESTRICTED", "compartments", List.of(), "consents",
                List.of(Json.obj("scope", "PARTICIPATION", "givenOn", TODAY.minusDays(300).toString()))))
                .expect(201).str("code");
        String enrolment = gateway().post(PREVENTION + "/editions/" + edition + "/enrolments", "prevention-officer",
                Json.obj("participantCode", code, "voluntary", true, "appliedOn", TODAY.minusDays(250).toString()))
                .expect(201).str("id");
        for (String to : List.of("SCREENED", "ENROLLED", "ACTIVE", "COMPLETED")) {
            gateway().post(PREVENTION + "/enrolments/" + enrolment + "/transitions", "prevention-officer",
                    Json.obj("to", to)).expect(200);
        }
        return new String[] { programme, code };
    }

    @Test
    void anOfficerIssuesFindsRenewsAndRevokesACertificate() {
        String tag = unique();
        String[] world = graduate(tag);
        Browser browser = signedIn("prevention-officer", "en");
        browser.open("/console/prevention/programmes");
        browser.find("#to-registry").click();
        browser.waitFor("#registry-filters");
        assertEquals("Certificate registry", browser.find("h1").getText());
        browser.assertAccessible();
        browser.find("#to-issue").click();
        browser.waitFor("#issue-form");
        browser.assertAccessible();

        // dates the service refuses: its reason shown, what was typed kept
        String number = "IMAM-" + TODAY.getYear() + "-" + tag.substring(0, 6).replaceAll("[^0-9A-Z]", "7");
        browser.find("#participantCode").sendKeys(world[1]);
        new Select(browser.find("#programmeId")).selectByValue(world[0]);
        browser.find("#number").sendKeys(number);
        browser.script("document.getElementById('expiresOn').value = arguments[0]", TODAY.minusYears(1).toString());
        browser.find("#issue-submit").click();
        browser.waitFor("#form-errors");
        assertTrue(browser.find("#form-detail").getText().contains("expiresOn"), browser.find("#form-detail").getText());
        assertEquals(world[1], browser.find("#participantCode").getAttribute("value"));
        assertEquals(number, browser.find("#number").getAttribute("value"));
        browser.assertAccessible();
        browser.script("document.getElementById('expiresOn').value = arguments[0]", TODAY.plusDays(20).toString());
        browser.find("#issue-submit").click();
        browser.waitFor("#done-notice");
        assertEquals("The certificate was issued.", browser.find("#done-notice").getText());
        WebElement row = browser.find("tr[data-certificate='" + number + "']");
        assertEquals("VALID", row.getAttribute("data-status"));
        browser.assertAccessible();

        // found by the holder's name written without the hamza, and among those ending within 30 days
        browser.open("/console/prevention/certificates");
        browser.find("#q").sendKeys("عبد الرحمن الادريسي " + tag);
        browser.find("#expiringWithin").sendKeys("30");
        browser.find("#registry-filter-submit").click();
        browser.waitFor("#certificates");
        assertEquals(1, browser.all("#certificates tbody tr").size());
        assertEquals(number, browser.find("#certificates tbody tr").getAttribute("data-certificate"));
        assertFalse(browser.find("#certificates").getText().contains("الرحمن"), "the name is never shown");
        browser.assertAccessible();

        // renewed, then revoked with its reason
        browser.find("tr[data-certificate='" + number + "'] a.renew").click();
        browser.waitFor("#renewal-form");
        browser.assertAccessible();
        browser.find("#renewal-submit").click();
        assertEquals("The certificate was renewed.", browser.find("#done-notice").getText());
        browser.find("tr[data-certificate='" + number + "'] a.revoke").click();
        browser.waitFor("#revocation-form");
        browser.find("#revocation-submit").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#reason-error").getText().isBlank(), "a revocation needs its reason");
        browser.assertAccessible();
        browser.find("#reason").sendKeys("Prêches contraires au référentiel");
        browser.find("#revocation-submit").click();
        assertEquals("The certificate was revoked.", browser.find("#done-notice").getText());
        assertEquals("REVOKED", browser.find("tr[data-certificate='" + number + "']").getAttribute("data-status"));
        assertTrue(browser.all("tr[data-certificate='" + number + "'] a.renew").isEmpty(), "no renewal once revoked");
        new Select(browser.find("#status")).selectByValue("REVOKED");
        browser.find("#registry-filter-submit").click();
        browser.waitFor("#certificates");
        assertEquals("REVOKED", browser.find("tr[data-certificate='" + number + "']").getAttribute("data-status"));
        browser.assertAccessible();

        // the registry is case data: an analyst and a DGST supervisor get the 404 page
        for (String other : List.of("analyst", "supervisor")) {
            Browser outsider = signedIn(other, "en");
            for (String page : List.of("/console/prevention/certificates", "/console/prevention/certificates/new",
                    "/console/prevention/certificates/" + number + "/renewal", "/console/prevention/participants/new",
                    "/console/prevention/programmes/new")) {
                outsider.open(page);
                assertEquals("Page not found", outsider.find("#error-title").getText(), other + " " + page);
            }
        }
    }

    @Test
    void aPreventionSupervisorApprovesAReferralFromTheInboxThatAnIntelligenceSupervisorNeverSees() {
        String tag = unique();
        String referral = gateway().post(PREVENTION + "/referrals", "supervisor", Json.obj("programmeKind",
                "PRISON_RECONCILIATION", "region", "Fès-Meknès", "purpose", "Demande d’adhésion à Moussalaha " + tag,
                "summary", "أبدى رغبته في المراجعة الفكرية", "identity", Json.obj("fullNameAr", "سعيد المراكشي",
                        "fullNameLatin", "Said El Marrakchi", "nationalId", "RF" + tag, "birthDate", "1991-02-02")))
                .expect(201).str("id");
        String code = gateway().post(PREVENTION + "/participants", "prevention-officer", Json.obj("identity",
                Json.obj("fullNameAr", "مشارك " + tag, "fullNameLatin", "Participant " + tag, "nationalId",
                        "HV" + tag, "birthDate", "1990-01-01"), "classification", "RESTRICTED", "compartments",
                List.of(), "consents", List.of(Json.obj("scope", "PARTICIPATION", "givenOn", TODAY.toString()))))
                .expect(201).str("code");
        String handover = gateway().post(PREVENTION + "/handovers", "prevention-officer", Json.obj("participantCode",
                code, "recipientAgency", "DGSN", "purpose", "Suivi conjoint " + tag, "legalBasis", "Loi 09-08",
                "summary", "Parcours suivi.", "includeIdentity", false)).expect(201).str("id");

        String supervisor = "st-inbox-prev-" + tag.toLowerCase();
        gateway().user(supervisor, "supervisor", "CONFIDENTIAL", List.of(), "MHAI");
        Browser decider = Browsers.open(gateway().url(), "ar", supervisor + "-ar");
        decider.signIn(supervisor, "st-" + supervisor + "-Pass-2026!");
        decider.open("/console/approvals");
        assertEquals("rtl", decider.find("html").getAttribute("dir"));
        WebElement item = decider.find("#item-prevention-referral-" + referral);
        assertTrue(item.getText().contains("إحالة إلى برنامج وقائي"), item.getText());
        assertTrue(item.findElement(By.cssSelector(".approval-reason")).getText().contains(tag));
        assertFalse(item.getText().contains("Said El Marrakchi"), "the identity stays sealed until approval");
        WebElement handoverItem = decider.find("#item-prevention-handover-" + handover);
        assertTrue(handoverItem.getText().contains("DGSN"), handoverItem.getText());
        decider.assertAccessible();
        item.findElement(By.cssSelector("textarea")).sendKeys("ملف مناسب للبرنامج");
        item.findElement(By.cssSelector("button.approve")).click();
        decider.waitFor("#done-notice");
        assertTrue(decider.all("#item-prevention-referral-" + referral).isEmpty(), "decided: no longer waiting");
        assertEquals("APPROVED", gateway().get(PREVENTION + "/referrals/" + referral, "supervisor").expect(200)
                .str("status"));
        // a rejection without a reason: the service's words above the inbox, the handover still waiting
        decider.find("#item-prevention-handover-" + handover + " button.reject").click();
        decider.waitFor("#decision-refused");
        assertFalse(decider.all("#item-prevention-handover-" + handover).isEmpty());
        decider.assertAccessible();

        // the intelligence supervisor's inbox never asks the prevention service
        Browser dgst = signedIn("supervisor", "en");
        dgst.open("/console/approvals");
        dgst.waitFor("h1");
        assertTrue(dgst.all("[data-source='prevention']").isEmpty(), "no prevention item for a DGST supervisor");
        assertTrue(dgst.all("#item-prevention-handover-" + handover).isEmpty());
        dgst.assertAccessible();
    }
}
