package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The prevention officers' pages (issue 19 item 3) in a real browser against the real suite, through the gateway:
 * a prevention officer finds a programme, enrols participants past the edition's capacity (the extra one lands on
 * the waiting list, in order, visible), records a session's attendance and opens the Kaplan–Meier evaluation chart
 * with its band and numbers at risk; once in English and once in Arabic (RTL and translated labels). In French:
 * two SPJ assessments compared, the follow-up calendar's overdue contacts and a contact recorded, a referral and a
 * handover decided by a prevention supervisor. An analyst
 * gets the 404 page on every prevention page (the firewall), except the certificate validity lookup, which the API
 * answers every staff role. axe-core runs on every page visited: no serious or critical violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsolePreventionBrowserIT {

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

    /** A programme with one module and one edition of {@code capacity} places, made through the API. */
    private record World(String programme, String name, String module, String edition, List<String> codes) {
    }

    private static World world(String label, int capacity, int participants) {
        String name = "Accompagnement " + label + " " + UUID.randomUUID().toString().substring(0, 6);
        String programme = gateway().post(PREVENTION + "/programmes", "prevention-officer", Json.obj("kind",
                "POST_RELEASE_REINTEGRATION", "name", name, "institution", "Centre de Fès", "region", "Fès-Meknès",
                "capacity", capacity, "classification", "RESTRICTED", "compartments", List.of(), "description",
                "Programme du test du console.")).expect(201).str("id");
        String module = gateway().post(PREVENTION + "/programmes/" + programme + "/modules", "prevention-officer",
                Json.obj("code", "RECON-SELF", "title", "المصالحة مع الذات", "requiredSessions", 2)).expect(201)
                .str("id");
        String edition = gateway().post(PREVENTION + "/programmes/" + programme + "/editions", "prevention-officer",
                Json.obj("name", "Édition " + label, "startsOn", TODAY.minusDays(10).toString(), "capacity",
                        capacity)).expect(201).str("id");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            codes.add(participant(i));
        }
        return new World(programme, name, module, edition, codes);
    }

    private static String participant(int i) {
        String nationalId = "ST" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return gateway().post(PREVENTION + "/participants", "prevention-officer", Json.obj("identity",
                Json.obj("fullNameAr", "مشارك تجريبي " + i, "fullNameLatin", "Participant test " + i, "nationalId",
                        nationalId, "birthDate", "1990-01-0" + (1 + i % 9)),
                "classification", "RESTRICTED", "compartments", List.of(), "consents",
                List.of(Json.obj("scope", "PARTICIPATION", "givenOn", TODAY.minusDays(20).toString()),
                        Json.obj("scope", "FOLLOW_UP", "givenOn", TODAY.minusDays(20).toString()))))
                .expect(201).str("code");
    }

    /** Labels the journey checks, per language. */
    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "en", Map.of("nav", "Prevention", "title", "Prevention programmes", "waitlisted",
                    "The edition is full: the applicant is on the waiting list.", "occupancy", "2 of 2 places taken",
                    "recorded", "The attendance is recorded.", "km", "Time to re-offence after release (Kaplan–Meier)",
                    "waiting", "Waiting list, in order"),
            "ar", Map.of("nav", "الوقاية", "title", "برامج الوقاية", "waitlisted",
                    "الدورة مكتملة: وُضع المترشح في لائحة الانتظار.", "occupancy", "2 من أصل 2 مقاعد مشغولة",
                    "recorded", "سُجّل الحضور.", "km", "المدة حتى العود بعد الإفراج (كابلان–ماير)",
                    "waiting", "لائحة الانتظار بالترتيب"));

    @Test
    void aPreventionOfficerEnrolsPastCapacityRecordsAttendanceAndOpensTheEvaluation() {
        journey("en");
    }

    @Test
    void theSameJourneyInArabic() {
        journey("ar");
    }

    private void journey(String language) {
        Map<String, String> label = LABELS.get(language);
        World world = world(language, 2, 3);
        Browser browser = signedIn("prevention-officer", language);
        if (language.equals("ar")) {
            assertEquals("rtl", browser.find("html").getAttribute("dir"));
            assertEquals("ar", browser.find("html").getAttribute("lang"));
        }
        assertEquals(label.get("nav"), browser.find("#nav-prevention").getText());
        browser.find("#nav-prevention").click();
        browser.waitFor("#programme-filters");
        assertEquals(label.get("title"), browser.find("h1").getText());
        new Select(browser.find("#kind")).selectByValue("POST_RELEASE_REINTEGRATION");
        browser.find("#programme-filter-submit").click();
        browser.waitFor("#programmes");
        for (WebElement kind : browser.all("#programmes tbody td:nth-child(2)")) {
            assertEquals(browser.all("#programmes tbody td:nth-child(2)").get(0).getText(), kind.getText(),
                    "the kind filter is applied by the service");
        }
        browser.assertAccessible();

        browser.open("/console/prevention/programmes/" + world.programme());
        assertEquals(world.name(), browser.find("#programme-title").getText());
        browser.assertAccessible();
        browser.find("tr[data-edition='" + world.edition() + "'] a").click();
        browser.waitFor("#apply-form");
        browser.assertAccessible();

        // three applications, screened and enrolled one after the other: the third finds the edition full
        for (String code : world.codes()) {
            browser.find("#participantCode").sendKeys(code);
            browser.find("#apply-submit").click();
            browser.waitFor("#done-notice");
            move(browser, code, "SCREENED");
            move(browser, code, "ENROLLED");
        }
        assertEquals(label.get("waitlisted"), browser.find("#done-notice").getText());
        String third = world.codes().get(2);
        assertEquals("WAITLISTED", row(browser, third).getAttribute("data-state"));
        assertEquals(label.get("waiting"), browser.find("#waiting-title").getText());
        List<WebElement> waiting = browser.all("#waiting-list li");
        assertEquals(1, waiting.size());
        assertEquals(third, waiting.get(0).getAttribute("data-code"));
        assertEquals("1", waiting.get(0).getAttribute("data-position"));
        assertTrue(browser.find("#occupancy").getText().startsWith(label.get("occupancy")),
                browser.find("#occupancy").getText());
        assertEquals("2", browser.find("#occupancy").getAttribute("data-taken"));
        assertTrue(browser.find("#full-notice").isDisplayed());
        browser.assertAccessible();

        // the state filter is the service's
        new Select(browser.find("#state")).selectByValue("WAITLISTED");
        browser.find("#state-submit").click();
        browser.waitFor("#enrolments");
        assertEquals(1, browser.all("#enrolments tbody tr").size());
        assertEquals(third, browser.find("#enrolments tbody tr").getAttribute("data-code"));

        // an application the service refuses: its problem shown, what was typed kept
        browser.find("#participantCode").sendKeys(world.codes().get(0));
        browser.find("#apply-submit").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#form-detail").getText().isBlank(), "the service's reason (already applied)");
        assertEquals(world.codes().get(0), browser.find("#participantCode").getAttribute("value"));
        browser.assertAccessible();

        // a session, then its attendance sheet
        browser.open("/console/prevention/editions/" + world.edition());
        new Select(browser.find("#moduleId")).selectByValue(world.module());
        browser.find("#topic").sendKeys("المصالحة مع الذات");
        browser.find("#session-submit").click();
        browser.waitFor("#attendance-form");
        List<WebElement> rows = browser.all("#attendance tbody tr");
        assertEquals(2, rows.size(), "the two enrolled participants; not the one waiting");
        new Select(browser.find("tr[data-code='" + world.codes().get(0) + "'] select")).selectByValue("PRESENT");
        new Select(browser.find("tr[data-code='" + world.codes().get(1) + "'] select")).selectByValue("ABSENT");
        browser.assertAccessible();
        browser.find("#attendance-submit").click();
        assertEquals(label.get("recorded"), browser.find("#done-notice").getText());
        assertEquals("PRESENT", browser.find("tr[data-code='" + world.codes().get(0) + "']").getAttribute("data-mark"));
        assertEquals("ABSENT", browser.find("tr[data-code='" + world.codes().get(1) + "']").getAttribute("data-mark"));
        browser.assertAccessible();

        // releases and one re-offence behind the curve, recorded through the API
        followUp(world);
        browser.open("/console/prevention/editions/" + world.edition());
        browser.find("#edition-evaluation").click();
        browser.waitFor("#km-chart");
        assertEquals(label.get("km"), browser.find("#km-heading").getText());
        assertFalse(browser.all("#km-band").isEmpty(), "the confidence band is drawn");
        assertFalse(browser.all("#km-chart path.km-overall").isEmpty(), "the curve is drawn");
        assertFalse(browser.all("#km-chart text.at-risk").isEmpty(), "numbers at risk under the chart");
        assertEquals("2", browser.find("#at-risk tbody tr td").getText(), "two people at risk at month 0");
        assertEquals(1, browser.all("#km-steps tbody tr").size(), "one re-offence time");
        assertEquals("0.500", browser.find("#km-steps tbody tr td:nth-child(5)").getText());
        browser.assertAccessible();

        browser.find("#to-programme").click();
        browser.find("#programme-evaluation").click();
        browser.waitFor("#km-chart");
        browser.assertAccessible();
    }

    /** Application, screening and enrolment through the API (the journey above does it in the browser). */
    private static String enrol(World world, String code) {
        String enrolment = gateway().post(PREVENTION + "/editions/" + world.edition() + "/enrolments",
                "prevention-officer", Json.obj("participantCode", code, "voluntary", true, "appliedOn",
                        TODAY.minusDays(5).toString())).expect(201).str("id");
        for (String to : List.of("SCREENED", "ENROLLED", "ACTIVE")) {
            gateway().post(PREVENTION + "/enrolments/" + enrolment + "/transitions", "prevention-officer",
                    Json.obj("to", to)).expect(200);
        }
        return enrolment;
    }

    @Test
    void assessmentsFollowUpReferralsAndHandoversInFrench() {
        World world = world("suivi", 5, 1);
        String code = world.codes().get(0);
        String enrolment = enrol(world, code);
        gateway().post(PREVENTION + "/participants/" + code + "/releases", "prevention-officer", Json.obj(
                "releasedOn", TODAY.minusDays(400).toString(), "institution", "Prison de Fès", "enrolmentId",
                enrolment)).expect(201);

        Browser browser = signedIn("prevention-officer", "fr");
        browser.open("/console/prevention/editions/" + world.edition());
        row(browser, code).findElement(By.cssSelector("a.to-assessments")).click();
        browser.waitFor("#assessment-form");
        assertEquals(1, browser.all("#no-assessments").size());
        browser.assertAccessible();

        // a rating without its evidence: the service's reason above the form, what was chosen kept
        List<WebElement> levels = browser.all("select.level");
        assertEquals(7, levels.size(), "every indicator of the example instrument");
        for (WebElement level : levels) {
            new Select(level).selectByValue("PARTLY_EVIDENT");
        }
        new Select(browser.find("#overallJudgement")).selectByIndex(1);
        browser.find("#rationale").sendKeys("Engagement réel, à confirmer.");
        browser.find("#assessment-submit").click();
        browser.waitFor("#form-errors");
        assertTrue(browser.find("#form-detail").getText().contains("evidence"), browser.find("#form-detail").getText());
        assertEquals("PARTLY_EVIDENT", new Select(browser.all("select.level").get(0)).getFirstSelectedOption()
                .getAttribute("value"));
        browser.assertAccessible();
        for (WebElement evidence : browser.all("textarea.evidence")) {
            evidence.sendKeys("Observé en séance.");
        }
        browser.find("#assessment-submit").click();
        assertEquals("L’évaluation est enregistrée.", browser.find("#done-notice").getText());
        assertEquals(1, browser.all("#no-comparison").size(), "nothing to compare the first one with");

        // the re-assessment, compared with the first
        for (WebElement level : browser.all("select.level")) {
            new Select(level).selectByValue("CLEARLY_EVIDENT");
        }
        new Select(browser.all("select.level").get(0)).selectByValue("INSUFFICIENT_INFORMATION");
        for (WebElement evidence : browser.all("textarea.evidence")) {
            evidence.sendKeys("Progrès net.");
        }
        new Select(browser.find("#overallJudgement")).selectByIndex(1);
        browser.find("#rationale").sendKeys("Progrès confirmés.");
        browser.find("#assessment-submit").click();
        browser.waitFor("#comparison");
        assertEquals(6, browser.all("#comparison tr[data-movement='UP']").size());
        assertEquals(1, browser.all("#comparison tr[data-movement='NOT_COMPARABLE']").size());
        assertEquals(2, browser.all("#assessment-list li").size());
        browser.assertAccessible();

        // the calendar: the contacts of the release 400 days ago are overdue
        browser.open("/console/prevention/follow-up");
        assertEquals("Calendrier du suivi", browser.find("h1").getText());
        List<WebElement> late = browser.all("li.entry[data-code='" + code + "'][data-overdue='true']");
        assertFalse(late.isEmpty(), "the participant's overdue contacts are in the calendar");
        browser.assertAccessible();
        late.get(0).findElement(By.cssSelector("a")).click();
        browser.waitFor("#participant-title");
        WebElement open = browser.all("tr[data-done=''] form.contact-form").get(0);
        open.findElement(By.cssSelector("input[name=outcome]")).sendKeys("Entretien au domicile");
        open.findElement(By.cssSelector("button.record-contact")).click();
        assertEquals("Le contact est enregistré.", browser.find("#done-notice").getText());
        assertFalse(browser.all("tr[data-done='" + TODAY + "']").isEmpty(), "the contact is made today");
        browser.assertAccessible();

        // a referral from an intelligence supervisor, decided by a prevention supervisor
        String referral = gateway().post(PREVENTION + "/referrals", "supervisor", Json.obj("programmeKind",
                "POST_RELEASE_REINTEGRATION", "region", "Fès-Meknès", "purpose", "Orientation vers la réinsertion.",
                "summary", "Personne libérée, demande d’accompagnement.", "identity", Json.obj("fullNameAr",
                        "شخص محال", "fullNameLatin", "Personne orientée", "nationalId", "RF" + UUID.randomUUID()
                                .toString().replace("-", "").substring(0, 8).toUpperCase(), "birthDate",
                        "1995-05-05"))).expect(201).str("id");
        String supervisor = "st-prev-sup-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().user(supervisor, "supervisor", "CONFIDENTIAL", List.of(), "MHAI");
        Browser decider = Browsers.open(gateway().url(), "fr", supervisor + "-fr");
        decider.signIn(supervisor, "st-" + supervisor + "-Pass-2026!");
        decider.find("#nav-prevention").click();
        decider.find("#to-referrals").click();
        WebElement item = decider.find("li[data-referral='" + referral + "']");
        assertEquals("PENDING", item.getAttribute("data-status"));
        assertFalse(item.getText().contains("Personne orientée"), "the identity stays sealed until approval");
        decider.assertAccessible();
        item.findElement(By.cssSelector("textarea")).sendKeys("Profil adapté au programme.");
        new Select(item.findElement(By.cssSelector("select"))).selectByValue("RESTRICTED");
        item.findElement(By.cssSelector("button.approve")).click();
        assertEquals("Approuvé.", decider.find("#done-notice").getText());
        assertEquals("APPROVED", decider.find("li[data-referral='" + referral + "']").getAttribute("data-status"));

        // a handover asked for by the officer (a refused field first), decided by the supervisor
        browser.open("/console/prevention/handovers/new?participant=" + code);
        browser.find("#recipientAgency").sendKeys("DGSN");
        browser.find("#purpose").sendKeys("Court");
        browser.find("#legalBasis").sendKeys("Loi 09-08, article 4");
        browser.find("#summary").sendKeys("Parcours suivi avec assiduité.");
        browser.find("#handover-submit").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#purpose-error").getText().isBlank(), "the purpose's problem next to it");
        assertEquals("DGSN", browser.find("#recipientAgency").getAttribute("value"));
        browser.assertAccessible();
        browser.find("#purpose").sendKeys(" : suivi de la réinsertion par la police de proximité.");
        browser.find("#handover-submit").click();
        assertEquals("PENDING", browser.find("#handover-status").getAttribute("data-status"));
        assertTrue(browser.all("#handover-decision").isEmpty(), "an officer does not decide handovers");
        browser.assertAccessible();
        String handover = browser.path().substring(browser.path().lastIndexOf('/') + 1);

        decider.open("/console/prevention/handovers/" + handover);
        decider.find("#reason").sendKeys("Finalité et base légale vérifiées.");
        decider.find("#handover-decision button.approve").click();
        assertEquals("APPROVED", decider.find("#handover-status").getAttribute("data-status"));
        decider.assertAccessible();
    }

    /** One release per enrolled participant (400 and 300 days ago) and a re-offence of the first, 200 days ago. */
    private static void followUp(World world) {
        for (int i = 0; i < 2; i++) {
            String code = world.codes().get(i);
            String enrolment = gateway().get(PREVENTION + "/editions/" + world.edition()
                    + "/enrolments?state=ENROLLED", "prevention-officer").expect(200).json()
                    .getString("find { it.participantCode == '" + code + "' }.id");
            gateway().post(PREVENTION + "/participants/" + code + "/releases", "prevention-officer", Json.obj(
                    "releasedOn", TODAY.minusDays(400 - 100L * i).toString(), "institution", "Prison de Fès",
                    "enrolmentId", enrolment)).expect(201);
        }
        gateway().post(PREVENTION + "/participants/" + world.codes().get(0) + "/reoffences", "prevention-officer",
                Json.obj("occurredOn", TODAY.minusDays(200).toString(), "kind", "OTHER")).expect(201);
    }

    private static void move(Browser browser, String code, String to) {
        WebElement row = row(browser, code);
        new Select(row.findElement(By.cssSelector("select.to"))).selectByValue(to);
        row.findElement(By.cssSelector("button.move")).click();
        browser.waitFor("#done-notice");
    }

    private static WebElement row(Browser browser, String code) {
        return browser.find("#enrolments tr[data-code='" + code + "']");
    }

    @Test
    void anAnalystGetsTheNotFoundPageOnEveryPreventionPage() {
        World world = world("firewall", 2, 1);
        String session = gateway().post(PREVENTION + "/editions/" + world.edition() + "/sessions",
                "prevention-officer", Json.obj("moduleId", world.module(), "heldOn", TODAY.toString()))
                .expect(201).str("id");
        String enrolment = enrol(world, world.codes().get(0));
        String handover = gateway().post(PREVENTION + "/handovers", "prevention-officer", Json.obj("participantCode",
                world.codes().get(0), "recipientAgency", "DGST", "purpose", "Suivi conjoint demandé par le parquet.",
                "legalBasis", "Loi 09-08", "summary", "Parcours suivi.", "includeIdentity", false)).expect(201)
                .str("id");
        Browser browser = signedIn("analyst", "en");
        assertTrue(browser.all("#nav-prevention").isEmpty(), "no link to the prevention pages");
        browser.open("/console/no-such-page-" + UUID.randomUUID());
        String missing = browser.find("main").getText();
        String edition = "/console/prevention/editions/" + world.edition();
        for (String page : List.of("/console/prevention", "/console/prevention/programmes",
                "/console/prevention/programmes?kind=POST_RELEASE_REINTEGRATION",
                "/console/prevention/programmes/" + world.programme(),
                "/console/prevention/programmes/" + world.programme() + "/evaluation", edition,
                edition + "?state=ENROLLED", edition + "/evaluation", edition + "/sessions/" + session,
                "/console/prevention/follow-up", "/console/prevention/participants/" + world.codes().get(0)
                        + "/follow-up", "/console/prevention/enrolments/" + enrolment + "/assessments",
                "/console/prevention/referrals", "/console/prevention/handovers",
                "/console/prevention/handovers?state=PENDING&sort=recipientAgency", "/console/prevention/handovers/new",
                "/console/prevention/handovers/" + handover)) {
            browser.open(page);
            assertEquals("Page not found", browser.find("#error-title").getText(), page);
            assertEquals(missing, browser.find("main").getText(), page + " looks exactly like a missing page");
            assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"));
        }
        browser.assertAccessible();

        // the same in Arabic, on the pages that create and list (the registry, the forms)
        Browser arabic = signedIn("analyst", "ar");
        assertEquals("rtl", arabic.find("html").getAttribute("dir"));
        arabic.open("/console/no-such-page-" + UUID.randomUUID());
        String missingInArabic = arabic.find("main").getText();
        assertNotEquals("Page not found", arabic.find("#error-title").getText(), "the 404 page is translated");
        for (String page : List.of("/console/prevention/certificates", "/console/prevention/programmes/new",
                "/console/prevention/programmes/" + world.programme(), "/console/prevention/referrals")) {
            arabic.open(page);
            assertEquals(missingInArabic, arabic.find("main").getText(), page + " looks exactly like a missing page");
        }
        arabic.assertAccessible();

        // the certificate lookup is the API's for every staff role: the one prevention page an analyst may open
        browser.open("/console/prevention/certificates/validity?number=IMAM-2099-000001");
        assertEquals("UNKNOWN", browser.find("#validity-result").getAttribute("data-status"));
        browser.assertAccessible();

        // a supervisor of an intelligence agency is no prevention staff either (the API's rule: agency MHAI only)
        Browser dgst = signedIn("supervisor", "en");
        assertTrue(dgst.all("#nav-prevention").isEmpty(), "no link for a DGST supervisor");
        dgst.open("/console/prevention/programmes/" + world.programme());
        assertEquals("Page not found", dgst.find("#error-title").getText());
    }
}
