package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

/**
 * Issue 19 item 6: lists sort on the server. On the audit trail, the liaison warnings and the administrators' user
 * list, clicking a column header reorders the rows exactly as the API orders them (aria-sort and the arrow follow,
 * the filters stay), the next page continues in that order, a second click flips the direction; the user list
 * once in Arabic (right to left); prevention programmes by name with the kind filter kept; sent releases by title
 * (links above the cards, aria-current), in Arabic; prevention referrals by region (links above the cards, the
 * status filter keeping the order), the certificate registry by expiry in Arabic, liaison partners by code, and
 * the RFI page's two lists, each sorted with its own parameters while the other keeps its order; prevention
 * handovers by recipient, the state filter keeping the order. axe-core: no
 * serious or critical violation on any sorted page.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleSortingBrowserIT {

    /** The console's page size (ConsoleConfig's default). */
    private static final int PAGE = 20;

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

    private static List<String> rows(Browser browser, String css, String attribute) {
        return browser.all(css).stream().map(row -> row.getAttribute(attribute)).toList();
    }

    /** The API's first two pages in one order, as the console's rows identify them. */
    private static List<List<String>> apiPages(String path, String account, String field) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 2; i++) {
            String sep = path.contains("?") ? "&" : "?";
            Gateway.Resp page = gateway().get(path + sep + "limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + Gateway.enc(cursor)), account).expect(200);
            List<Object> ids = page.json().getList("items." + field);
            pages.add(ids.stream().map(String::valueOf).toList());
            cursor = page.json().getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        return pages;
    }

    private static void clickHeader(Browser browser, String field, String expectedAria) {
        browser.find("#sort-" + field).click();
        browser.waitFor("#sort-" + field);
        WebElement header = browser.find("#sort-" + field).findElement(org.openqa.selenium.By.xpath(".."));
        assertEquals(expectedAria, header.getAttribute("aria-sort"), field);
        assertTrue(browser.find("#sort-" + field).getText().contains(expectedAria.equals("ascending") ? "▲" : "▼"),
                "the direction is shown");
    }

    @Test
    void theUserListSortsByNameInArabicAndPagesInThatOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // enough users for two pages, with Arabic display names (code point order follows the Arabic alphabet)
        String[] names = { "يوسف", "أمين", "بشرى", "سعاد", "خالد", "زينب", "مريم", "عمر", "حسن", "ليلى", "نادية",
                "كريم", "فاطمة", "رشيد", "هدى", "طارق", "ضحى", "جمال", "ثريا", "دنيا", "صفاء", "غيث" };
        for (String name : names) {
            gateway().post("/api/admin/users", "admin", Json.obj("username", "st-sort-" + tag + "-"
                    + UUID.randomUUID().toString().substring(0, 4), "displayName", name + " " + tag, "password",
                    "st-sorting-Pass-2026!", "roles", List.of(), "clearance", "RESTRICTED", "compartments",
                    List.of(), "agency", "DGST", "enabled", true)).expect(201);
        }
        Browser admin = signedIn("admin", "ar");
        admin.open("/console/admin/users");
        admin.waitFor("#users");
        assertEquals("rtl", admin.find("html").getAttribute("dir"));
        assertEquals("none", admin.find("#sort-displayName").findElement(org.openqa.selenium.By.xpath(".."))
                .getAttribute("aria-sort"));
        assertEquals("ترتيب تصاعدي", admin.find("#sort-displayName").getAttribute("title"));

        clickHeader(admin, "displayName", "ascending");
        assertTrue(admin.driver().getCurrentUrl().contains("sort=displayName"));
        List<List<String>> api = apiPages("/api/admin/users?sort=displayName", "admin", "username");
        assertEquals(api.get(0), rows(admin, "#users tbody tr", "data-user"), "first page in the API's order");
        admin.assertAccessible();
        admin.find("#next-page").click();
        admin.waitFor("#users");
        assertEquals("ascending", admin.find("#sort-displayName").findElement(org.openqa.selenium.By.xpath(".."))
                .getAttribute("aria-sort"), "the next page keeps the order");
        assertEquals(api.get(1), rows(admin, "#users tbody tr", "data-user"), "second page continues the order");

        // a second click flips the direction and starts again at the first page
        clickHeader(admin, "displayName", "descending");
        assertTrue(!admin.driver().getCurrentUrl().contains("cursor="), "a new order starts at its first page");
        assertEquals(apiPages("/api/admin/users?sort=-displayName", "admin", "username").get(0),
                rows(admin, "#users tbody tr", "data-user"));
        assertEquals("ترتيب تصاعدي", admin.find("#sort-displayName").getAttribute("title"));
        admin.assertAccessible();
    }

    @Test
    void theAuditTrailSortsByTimeBothWaysKeepingItsFilters() {
        for (int i = 0; i < PAGE + 3; i++) {
            gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT", "reliability",
                    "B", "credibility", 2, "collectedAt", "2026-11-30T08:00:00Z", "language", "fr", "title",
                    "Tri " + i, "body", "Rapport pour le tri du journal.", "classification", "RESTRICTED"))
                    .expect(201);
        }
        Browser auditor = signedIn("auditor", "en");
        auditor.open("/console/audit?service=intelligence&actor=analyst&objectType=report");
        auditor.waitFor("#events");
        clickHeader(auditor, "occurredAt", "ascending");
        clickHeader(auditor, "occurredAt", "descending");
        assertEquals("analyst", auditor.find("#actor").getAttribute("value"), "the filters are kept");
        assertEquals("report", auditor.find("#objectType").getAttribute("value"));
        List<List<String>> api = apiPages("/api/intelligence/audit?actor=analyst&objectType=report&sort=-occurredAt",
                "auditor", "seq");
        assertEquals(api.get(0), rows(auditor, "#events tbody tr", "data-seq"), "newest event first, as the API");
        auditor.assertAccessible();
        auditor.find("#next-page").click();
        auditor.waitFor("#events");
        assertEquals(api.get(1), rows(auditor, "#events tbody tr", "data-seq"), "the next page continues");
        assertEquals("descending", auditor.find("#sort-occurredAt").findElement(org.openqa.selenium.By.xpath(".."))
                .getAttribute("aria-sort"));
        auditor.assertAccessible();
    }

    @Test
    void warningsSortByPrecedenceAndByDeadline() {
        String code = "st-sort-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().partnerClient(code + "-client", code, "SECRET");
        String partnerId = gateway().post("/api/liaison/partners", "liaison-officer", Json.obj("code", code,
                "country", "ES", "serviceName", "Servicio ordenado", "status", "ACTIVE", "classification",
                "RESTRICTED", "clientIds", List.of(code + "-client"))).expect(201).str("id");
        gateway().post("/api/liaison/partners/" + partnerId + "/agreements", "liaison-officer", Json.obj(
                "reference", "MOU-" + code, "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                LocalDate.now(ZoneOffset.UTC).minusYears(1).toString(), "status", "ACTIVE")).expect(201);
        List<String> precedences = List.of("ROUTINE", "FLASH", "PRIORITY", "IMMEDIATE");
        for (int i = 0; i < PAGE + 2; i++) {
            gateway().post("/api/liaison/warnings", "liaison-officer", Json.obj("partner", code, "precedence",
                    precedences.get(i % 4), "tlp", "GREEN", "category", "TERRORISM", "title", "تحذير " + i,
                    "body", "نص.", "classification", "RESTRICTED")).expect(201);
        }
        Browser officer = signedIn("liaison-officer", "fr");
        officer.open("/console/liaison/warnings");
        officer.waitFor("#warnings");
        clickHeader(officer, "precedence", "ascending");
        List<List<String>> api = apiPages("/api/liaison/warnings?sort=precedence", "liaison-officer", "id");
        assertEquals(api.get(0), rows(officer, "#warnings tbody tr", "data-warning"));
        assertEquals("Flash", officer.find("#warnings tbody tr .precedence").getText().strip().substring(0, 5),
                "most urgent first");
        officer.assertAccessible();
        officer.find("#next-page").click();
        officer.waitFor("#warnings");
        assertEquals(api.get(1), rows(officer, "#warnings tbody tr", "data-warning"), "the next page continues");

        clickHeader(officer, "deadline", "ascending");
        assertEquals(apiPages("/api/liaison/warnings?sort=deadline", "liaison-officer", "id").get(0),
                rows(officer, "#warnings tbody tr", "data-warning"));
        officer.assertAccessible();
    }

    @Test
    void programmesSortByNameKeepingTheKindFilter() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String[] names = { "برنامج", "Atelier", "مرافقة", "Zénith", "تأهيل", "Écoute", "إدماج", "Lien", "حوار",
                "Retour", "سند", "Boussole", "أمل", "Cap", "ثقة", "Dialogue", "رفقة", "Horizon", "جسر", "Pont",
                "نور", "Mosaïque" };
        for (String name : names) {
            gateway().post("/api/prevention/programmes", "prevention-officer", Json.obj("kind",
                    "POST_RELEASE_REINTEGRATION", "name", name + " " + tag, "institution", "Centre de Fès", "region",
                    "Fès-Meknès", "capacity", 10, "classification", "RESTRICTED", "compartments", List.of(),
                    "description", "Programme du tri.")).expect(201);
        }
        Browser officer = signedIn("prevention-officer", "fr");
        officer.open("/console/prevention/programmes?kind=POST_RELEASE_REINTEGRATION");
        officer.waitFor("#programmes");
        clickHeader(officer, "name", "ascending");
        assertTrue(officer.driver().getCurrentUrl().contains("kind=POST_RELEASE_REINTEGRATION"), "the filter is kept");
        List<List<String>> api = apiPages("/api/prevention/programmes?kind=POST_RELEASE_REINTEGRATION&sort=name",
                "prevention-officer", "id");
        assertEquals(api.get(0), rows(officer, "#programmes tbody tr", "data-programme"), "the API's order");
        officer.assertAccessible();
        officer.find("#next-page").click();
        officer.waitFor("#programmes");
        assertEquals(api.get(1), rows(officer, "#programmes tbody tr", "data-programme"), "the next page continues");

        clickHeader(officer, "name", "descending");
        assertTrue(!officer.driver().getCurrentUrl().contains("cursor="), "a new order starts at its first page");
        assertEquals(apiPages("/api/prevention/programmes?kind=POST_RELEASE_REINTEGRATION&sort=-name",
                "prevention-officer", "id").get(0), rows(officer, "#programmes tbody tr", "data-programme"));
        officer.assertAccessible();
        // the kind filter form keeps the order
        officer.find("#programme-filter-submit").click();
        officer.waitFor("#programmes");
        assertTrue(officer.driver().getCurrentUrl().contains("sort=-name"), "the filter form keeps the order");
        assertEquals("descending", officer.find("#sort-name").findElement(org.openqa.selenium.By.xpath(".."))
                .getAttribute("aria-sort"));
    }

    @Test
    void sentReleasesSortByTitleWithLinksAboveTheCards() {
        String code = "st-rsort-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().partnerClient(code + "-client", code, "SECRET");
        String partnerId = gateway().post("/api/liaison/partners", "liaison-officer", Json.obj("code", code,
                "country", "ES", "serviceName", "Servicio de envíos", "status", "ACTIVE", "classification",
                "RESTRICTED", "sharedWith", List.of("DGST"), "clientIds", List.of(code + "-client")))
                .expect(201).str("id");
        gateway().post("/api/liaison/partners/" + partnerId + "/agreements", "liaison-officer", Json.obj(
                "reference", "MOU-" + code, "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                LocalDate.now(ZoneOffset.UTC).minusYears(1).toString(), "status", "ACTIVE")).expect(201);
        for (String title : List.of("منتج ب", "Produit A", "منتج أ", "Produit C")) {
            String report = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT",
                    "reliability", "B", "credibility", 2, "collectedAt", "2026-11-30T08:00:00Z", "language", "fr",
                    "title", "Source " + title, "body", "Source du produit.", "classification", "RESTRICTED",
                    "sharedWith", List.of("DGED")))
                    .expect(201).str("id");
            String product = gateway().post("/api/intelligence/products", "analyst", Json.obj("title",
                    title + " " + code, "summary", "Résumé.", "tearLine", "Ligne de coupe.", "category",
                    "TERRORISM", "sourceReportIds", List.of(report), "classification", "RESTRICTED", "sharedWith",
                    List.of("DGED")))
                    .expect(201).str("id");
            gateway().post("/api/liaison/releases", "liaison-officer", Json.obj("productId", product, "partners",
                    List.of(code), "tlp", "GREEN")).expect(201);
        }
        Browser officer = signedIn("liaison-officer", "ar");
        officer.open("/console/liaison/releases?partner=" + code);
        officer.waitFor("#releases");
        officer.find("#sort-title").click();
        officer.waitFor("#releases");
        assertEquals("true", officer.find("#sort-title").getAttribute("aria-current"));
        assertTrue(officer.driver().getCurrentUrl().contains("partner=" + code), "the filter is kept");
        assertEquals(apiPages("/api/liaison/releases?partner=" + code + "&sort=title", "liaison-officer", "id")
                .get(0), rows(officer, "#releases > li", "data-release"), "the API's order");
        officer.assertAccessible();
        officer.find("#sort-title").click();
        officer.waitFor("#releases");
        assertTrue(officer.find("#sort-title").getText().contains("▼"), "a second click flips the direction");
        assertEquals(apiPages("/api/liaison/releases?partner=" + code + "&sort=-title", "liaison-officer", "id")
                .get(0), rows(officer, "#releases > li", "data-release"));
        officer.assertAccessible();
    }

    /** The link above a card list: aria-current on the sorting one, the direction in its text. */
    private static void clickLink(Browser browser, String id, String listCss) {
        browser.find("#" + id).click();
        browser.waitFor(listCss);
        assertEquals("true", browser.find("#" + id).getAttribute("aria-current"), id);
    }

    @Test
    void referralsSortByRegionPagedAndTheStatusFilterKeepsTheOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String[] regions = { "Souss-Massa", "الشرق", "Béni Mellal-Khénifra", "درعة تافيلالت", "Casablanca-Settat",
                "Oriental", "طنجة", "Rabat-Salé-Kénitra", "فاس مكناس", "Guelmim-Oued Noun", "العيون", "Dakhla",
                "مراكش آسفي", "Tanger-Tétouan", "سوس ماسة", "Laâyoune", "بني ملال", "Fès-Meknès", "الداخلة",
                "Drâa-Tafilalet", "كلميم", "Marrakech-Safi" };
        for (String region : regions) {
            gateway().post("/api/prevention/referrals", "supervisor", Json.obj("programmeKind",
                    "PRISON_RECONCILIATION", "region", region + " " + tag, "purpose", "Tri des orientations",
                    "identity", Json.obj("fullNameAr", "سعيد " + tag, "fullNameLatin", "Said " + tag, "nationalId",
                            "RS" + tag, "birthDate", "1990-04-12"))).expect(201);
        }
        Browser officer = signedIn("prevention-officer", "fr");
        officer.open("/console/prevention/referrals?status=PENDING");
        officer.waitFor("#referrals");
        clickLink(officer, "sort-region", "#referrals");
        assertTrue(officer.driver().getCurrentUrl().contains("status=PENDING"), "the filter is kept");
        List<List<String>> api = apiPages("/api/prevention/referrals?status=PENDING&sort=region",
                "prevention-officer", "id");
        assertEquals(api.get(0), rows(officer, "#referrals > li", "data-referral"), "the API's order");
        officer.assertAccessible();
        officer.find("#next-page").click();
        officer.waitFor("#referrals");
        assertEquals(api.get(1), rows(officer, "#referrals > li", "data-referral"), "the next page continues");
        clickLink(officer, "sort-region", "#referrals");
        assertTrue(officer.find("#sort-region").getText().contains("▼"), "a second click flips the direction");
        assertEquals(apiPages("/api/prevention/referrals?status=PENDING&sort=-region", "prevention-officer", "id")
                .get(0), rows(officer, "#referrals > li", "data-referral"));
        officer.find("#referral-filter-submit").click();
        officer.waitFor("#referrals");
        assertTrue(officer.driver().getCurrentUrl().contains("sort=-region"), "the filter form keeps the order");
        officer.assertAccessible();
    }

    @Test
    void theCertificateRegistrySortsByExpiryInArabic() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String programme = gateway().post("/api/prevention/programmes", "prevention-officer", Json.obj("kind",
                "IMAM_TRAINING", "name", "Formation du tri " + tag, "institution", "Institut Mohammed VI", "region",
                "Rabat-Salé-Kénitra", "capacity", 30, "classification", "RESTRICTED", "compartments", List.of()))
                .expect(201).str("id");
        String edition = gateway().post("/api/prevention/programmes/" + programme + "/editions",
                "prevention-officer", Json.obj("name", "Promotion " + tag, "startsOn",
                        today.minusDays(200).toString(), "capacity", 30)).expect(201).str("id");
        String code = gateway().post("/api/prevention/participants", "prevention-officer", Json.obj("identity",
                Json.obj("fullNameAr", "إدريس العمراني " + tag, "fullNameLatin", "Driss Amrani " + tag,
                        "nationalId", "SO" + tag, "birthDate", "1985-03-03"),
                "classification", "RESTRICTED", "compartments", List.of(), "consents",
                List.of(Json.obj("scope", "PARTICIPATION", "givenOn", today.minusDays(300).toString()))))
                .expect(201).str("code");
        String enrolment = gateway().post("/api/prevention/editions/" + edition + "/enrolments",
                "prevention-officer", Json.obj("participantCode", code, "voluntary", true, "appliedOn",
                        today.minusDays(250).toString())).expect(201).str("id");
        for (String to : List.of("SCREENED", "ENROLLED", "ACTIVE", "COMPLETED")) {
            gateway().post("/api/prevention/enrolments/" + enrolment + "/transitions", "prevention-officer",
                    Json.obj("to", to)).expect(200);
        }
        String prefix = "SORT-9" + tag.toUpperCase().replaceAll("[^0-9A-Z]", "7") + "-";
        int[] days = { 300, 20, 150, 90 };
        for (int i = 0; i < days.length; i++) {
            gateway().post("/api/prevention/certificates", "prevention-officer", Json.obj("participantCode", code,
                    "programmeId", programme, "number", prefix + i, "issuedOn", today.minusDays(10).toString(),
                    "expiresOn", today.plusDays(days[i]).toString())).expect(201);
        }
        Browser officer = signedIn("prevention-officer", "ar");
        officer.open("/console/prevention/certificates?q=" + prefix);
        officer.waitFor("#certificates");
        assertEquals("rtl", officer.find("html").getAttribute("dir"));
        clickHeader(officer, "expiresOn", "ascending");
        assertTrue(officer.driver().getCurrentUrl().contains("q=" + prefix), "the search is kept");
        assertEquals(List.of(prefix + 1, prefix + 3, prefix + 2, prefix + 0),
                rows(officer, "#certificates tbody tr", "data-certificate"), "soonest expiry first");
        assertEquals(apiPages("/api/prevention/certificates?q=" + prefix + "&sort=expiresOn", "prevention-officer",
                "number").get(0), rows(officer, "#certificates tbody tr", "data-certificate"), "the API's order");
        officer.assertAccessible();
        clickHeader(officer, "expiresOn", "descending");
        assertEquals(List.of(prefix + 0, prefix + 2, prefix + 3, prefix + 1),
                rows(officer, "#certificates tbody tr", "data-certificate"));
        officer.assertAccessible();
    }

    @Test
    void handoversSortByRecipientAndTheStateFilterKeepsTheOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String code = gateway().post("/api/prevention/participants", "prevention-officer", Json.obj("identity",
                Json.obj("fullNameAr", "مشارك التسليم " + tag, "fullNameLatin", "Participant " + tag, "nationalId",
                        "HS" + tag, "birthDate", "1991-02-02"), "classification", "RESTRICTED", "compartments",
                List.of(), "consents", List.of(Json.obj("scope", "PARTICIPATION", "givenOn",
                        LocalDate.now(ZoneOffset.UTC).toString())))).expect(201).str("code");
        for (String recipient : List.of("DGSN", "DGED", "GR", "DGST")) {
            gateway().post("/api/prevention/handovers", "prevention-officer", Json.obj("participantCode", code,
                    "recipientAgency", recipient, "purpose", "Suivi conjoint " + tag, "legalBasis", "Loi 09-08",
                    "summary", "Parcours suivi.", "includeIdentity", false)).expect(201);
        }
        Browser officer = signedIn("prevention-officer", "fr");
        officer.open("/console/prevention/referrals");
        officer.find("#to-handovers").click();
        officer.waitFor("#handovers");
        clickHeader(officer, "recipientAgency", "ascending");
        assertEquals(apiPages("/api/prevention/handovers?sort=recipientAgency", "prevention-officer", "id").get(0),
                rows(officer, "#handovers tbody tr", "data-handover"), "the API's order");
        List<String> recipients = rows(officer, "#handovers tbody tr", "data-recipient");
        assertEquals(recipients.stream().sorted().toList(), recipients, "recipients in code point order");
        officer.assertAccessible();
        new org.openqa.selenium.support.ui.Select(officer.find("#state")).selectByValue("PENDING");
        officer.find("#handover-filter-submit").click();
        officer.waitFor("#handovers");
        assertTrue(officer.driver().getCurrentUrl().contains("sort=recipientAgency"), "the filter keeps the order");
        assertTrue(rows(officer, "#handovers tbody tr", "data-status").stream().allMatch("PENDING"::equals),
                "only handovers waiting for a decision");
        assertEquals(apiPages("/api/prevention/handovers?state=PENDING&sort=recipientAgency", "prevention-officer",
                "id").get(0), rows(officer, "#handovers tbody tr", "data-handover"));
        officer.assertAccessible();
    }

    @Test
    void partnersSortByCodeWithLinksAboveTheCards() {
        Browser officer = signedIn("liaison-officer", "en");
        officer.open("/console/liaison");
        officer.waitFor("#partners");
        clickLink(officer, "sort-code", "#partners");
        assertEquals(apiPages("/api/liaison/partners?sort=code", "liaison-officer", "code").get(0),
                rows(officer, "#partners > li", "data-partner"), "the API's order");
        officer.assertAccessible();
        clickLink(officer, "sort-code", "#partners");
        assertTrue(officer.find("#sort-code").getText().contains("▼"));
        List<String> codes = rows(officer, "#partners > li", "data-partner");
        assertEquals(codes.stream().sorted(java.util.Comparator.reverseOrder()).toList(), codes, "code descending");
        officer.assertAccessible();
    }

    @Test
    void bothRfiListsSortEachKeepingTheOthersOrder() {
        String code = "st-qsort-" + UUID.randomUUID().toString().substring(0, 6);
        gateway().partnerClient(code + "-client", code, "SECRET");
        String partnerId = gateway().post("/api/liaison/partners", "liaison-officer", Json.obj("code", code,
                "country", "ES", "serviceName", "Servicio de preguntas", "status", "ACTIVE", "classification",
                "RESTRICTED", "clientIds", List.of(code + "-client"))).expect(201).str("id");
        gateway().post("/api/liaison/partners/" + partnerId + "/agreements", "liaison-officer", Json.obj(
                "reference", "MOU-" + code, "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                LocalDate.now(ZoneOffset.UTC).minusYears(1).toString(), "status", "ACTIVE")).expect(201);
        int day = 3;
        for (String subject : List.of("سؤال ب", "Question A", "سؤال أ", "Question C")) {
            gateway().post("/api/liaison/outgoing-rfis", "liaison-officer", Json.obj("partner", code, "subject",
                    subject + " " + code, "question", "?", "category", "TERRORISM", "tlp", "AMBER", "dueDate",
                    LocalDate.now(ZoneOffset.UTC).plusDays(day++).toString(), "classification", "RESTRICTED"))
                    .expect(201);
        }
        Browser officer = signedIn("liaison-officer", "fr");
        // the incoming list sorted by due date (its rows, if any, in the API's order)
        officer.open("/console/liaison/rfis?sort=dueDate");
        officer.waitFor("#outgoing");
        List<String> incoming = apiPages("/api/liaison/rfis?sort=dueDate", "liaison-officer", "id").get(0);
        assertEquals(incoming, rows(officer, "#rfis tbody tr", "data-rfi"), "incoming in the API's order");
        // outgoing by subject: the incoming order stays
        officer.find("#out-sort-subject").click();
        officer.waitFor("#outgoing");
        assertEquals("ascending", officer.find("#out-sort-subject").findElement(org.openqa.selenium.By.xpath(".."))
                .getAttribute("aria-sort"));
        assertTrue(officer.driver().getCurrentUrl().contains("outSort=subject")
                && officer.driver().getCurrentUrl().contains("sort=dueDate"), officer.driver().getCurrentUrl());
        assertEquals(apiPages("/api/liaison/outgoing-rfis?sort=subject", "liaison-officer", "id").get(0),
                rows(officer, "#outgoing tbody tr", "data-outgoing-rfi"), "outgoing in the API's order");
        assertEquals(incoming, rows(officer, "#rfis tbody tr", "data-rfi"), "the incoming list keeps its order");
        officer.assertAccessible();
        // the incoming list's filter form keeps the outgoing order
        officer.find("#filter").click();
        officer.waitFor("#outgoing");
        assertTrue(officer.driver().getCurrentUrl().contains("outSort=subject"), officer.driver().getCurrentUrl());
        assertEquals("ascending", officer.find("#out-sort-subject").findElement(org.openqa.selenium.By.xpath(".."))
                .getAttribute("aria-sort"));
        officer.assertAccessible();
    }
}
