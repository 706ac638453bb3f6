package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

/**
 * The console in a real browser against the real suite, through the gateway: sign-in by the authorization code
 * flow at the gateway's sign-in page, a report written in Arabic and found without its hamzas, the API's problems
 * next to the fields, a hidden record's 404 page, the classification banner, the languages, sign-out. axe-core
 * runs on every page visited: no serious or critical violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleBrowserIT {

    /** The first paragraph of a real Moroccan article (a copy of ../shared/data/osint), written without hamzas. */
    private static String article;

    @BeforeAll
    static void needsChromium() throws IOException {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String text;
        try (InputStream in = Objects.requireNonNull(ConsoleBrowserIT.class.getResourceAsStream(
                "/osint/ar-morocco-proactive-security-article.txt"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> paragraphs = text.lines().filter(line -> line.length() > 200).toList();
        article = paragraphs.get(0);
    }

    private static Gateway gateway() {
        return SharedSuite.gateway();
    }

    private static Browser signedIn(String account, String language) {
        return Browsers.signedIn(gateway().url(), account, DemoDirectory.demoPassword(account), language);
    }

    @Test
    void aCollectorWritesAReportInArabicAndFindsItWithoutTheHamzas() {
        Browser browser = signedIn("collector", "ar");
        assertEquals("rtl", browser.find("html").getAttribute("dir"));
        assertEquals("ar", browser.find("html").getAttribute("lang"));
        assertEquals("البحث في التقارير", browser.find("#nav-search").getText());
        browser.assertAccessible();

        String marker = "yzc" + UUID.randomUUID().toString().substring(0, 8);
        browser.find("#nav-new-report").click();
        browser.assertAccessible();
        browser.find("#title").sendKeys("خلية إرهابية في الرشيدية " + marker);
        browser.find("#body").sendKeys("أحبطت الأجهزة الأمنية مخططاً إرهابياً. " + article);
        new Select(browser.find("#language")).selectByValue("ar");
        new Select(browser.find("#sourceType")).selectByValue("OSINT");
        new Select(browser.find("#reliability")).selectByValue("B");
        new Select(browser.find("#credibility")).selectByValue("2");
        browser.script("arguments[0].value = '2026-11-30T09:15'", browser.find("#collectedAt"));
        new Select(browser.find("#classification")).selectByValue("RESTRICTED");
        browser.find("#file-report").click();

        browser.waitFor("#report-title");
        assertTrue(browser.path().matches("/console/reports/[0-9a-f-]{36}"), browser.path());
        assertTrue(browser.find("#report-title").getText().contains(marker));
        assertEquals("RESTRICTED", browser.find("#banner-top").getAttribute("data-marking"));
        assertEquals("محدود التداول", browser.find("#banner-top").getText());
        arabicGlyphsAreRendered(browser, "#report-body");
        browser.assertAccessible();
        String reportPath = browser.path();

        // the search is typed without any hamza: ارهابية for إرهابية
        browser.find("#nav-search").click();
        browser.find("#q").sendKeys("ارهابية " + marker);
        browser.find("#search-submit").click();
        browser.waitFor("#results");
        assertEquals(reportPath, java.net.URI.create(browser.find(".result-title").getAttribute("href")).getPath());
        assertFalse(browser.all(".result-title mark, .snippet mark").isEmpty(), "the matches are highlighted");
        browser.assertAccessible();
    }

    @Test
    void theApisProblemsAreShownNextToTheirFields() {
        Browser browser = signedIn("collector", "en");
        browser.open("/console/reports/new");
        browser.find("#body").sendKeys("Body without a title.");
        browser.script("arguments[0].value = '2026-11-30T09:15'", browser.find("#collectedAt"));
        browser.find("#file-report").click();
        browser.waitFor("#form-errors");
        assertFalse(browser.find("#title-error").getText().isBlank(), "the title's problem next to the title");
        assertEquals("", browser.driver().findElement(By.id("body-error")).getText(),
                "no problem shown for a valid field");
        assertEquals("Body without a title.", browser.find("#body").getAttribute("value"), "nothing typed is lost");
        browser.assertAccessible();
    }

    @Test
    void aHiddenReportOpenedByItsAddressShowsTheSamePageAsAMissingOne() {
        String hidden = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "HUMINT",
                "reliability", "A", "credibility", 1, "collectedAt", "2026-11-29T10:00:00Z", "language", "fr",
                "title", "Source protégée", "body", "Réservé au très secret.", "classification", "TOP_SECRET"))
                .expect(201).str("id");
        Browser browser = signedIn("collector", "en");
        browser.open("/console/reports/" + UUID.randomUUID());
        String missing = browser.find("main").getText();
        browser.open("/console/reports/" + hidden);
        assertEquals(missing, browser.find("main").getText(), "a hidden report looks exactly like a missing one");
        assertEquals("Page not found", browser.find("#error-title").getText());
        assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"),
                "the banner does not betray the hidden report's marking");
        browser.assertAccessible();
    }

    @Test
    void theBannerShowsTheHighestMarkingOnThePage() {
        String marker = "yzb" + UUID.randomUUID().toString().substring(0, 8);
        for (String marking : new String[] { "RESTRICTED", "SECRET", "CONFIDENTIAL" }) {
            gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT", "reliability",
                    "C", "credibility", 3, "collectedAt", "2026-11-28T10:00:00Z", "language", "fr", "title",
                    "Bannière " + marker + " " + marking, "body", "Rapport " + marker, "classification", marking))
                    .expect(201);
        }
        Browser browser = signedIn("analyst", "fr");
        browser.open("/console/reports/search?q=" + marker);
        browser.waitFor("#results");
        assertEquals(3, browser.all(".result").size());
        assertEquals("SECRET", browser.find("#banner-top").getAttribute("data-marking"));
        assertEquals("SECRET", browser.find("#banner-bottom").getAttribute("data-marking"));
        assertEquals("SECRET", browser.find("#banner-top").getText());
        browser.assertAccessible();
        browser.open("/console/");
        assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"));
        assertEquals("NON CLASSIFIÉ", browser.find("#banner-top").getText());
    }

    @Test
    void theLanguageChosenIsRememberedAndEveryLanguageHasItsDirection() {
        Browser browser = signedIn("analyst", "en");
        assertEquals("ltr", browser.find("html").getAttribute("dir"));
        browser.find("#lang-ar").click();
        browser.waitFor("html[dir=rtl]");
        browser.open("/console/reports/search");
        assertEquals("ar", browser.find("html").getAttribute("lang"));
        browser.assertAccessible();
        browser.find("#lang-fr").click();
        browser.waitFor("html[lang=fr]");
        assertEquals("/console/reports/search", browser.path(), "back on the page the user was on");
        assertEquals("Rechercher des rapports", browser.find("#nav-search").getText());
    }

    @Test
    void signingOutEndsTheSessionAndTheBackButtonShowsNothingOfIt() {
        String id = gateway().post("/api/intelligence/reports", "analyst", Json.obj("sourceType", "OSINT",
                "reliability", "B", "credibility", 2, "collectedAt", "2026-11-27T10:00:00Z", "language", "en",
                "title", "Sign-out check", "body", "Visible only while signed in.", "classification",
                "RESTRICTED")).expect(201).str("id");
        Browser browser = signedIn("analyst", "en");
        browser.open("/console/reports/" + id);
        assertEquals("Sign-out check", browser.find("#report-title").getText());
        browser.find("#sign-out").click();
        browser.waitFor("#sign-in-again");
        assertEquals("/console/signed-out", browser.path());
        browser.assertAccessible();
        browser.driver().navigate().back();
        browser.waitFor("body");
        assertTrue(browser.driver().findElements(By.id("report-title")).isEmpty(),
                "the report is not shown again after sign-out");
        browser.open("/console/reports/" + id);
        browser.waitFor("#username");
        assertNotEquals("/console/reports/" + id, browser.path(), "a new sign-in is required");
    }

    @Test
    void anAnalystOpensAnEntityExpandsItsGraphAndFindsAPath() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String leader = entity("PERSON", "عبد الرحيم الزموري " + marker, "SECRET", "Abderrahim Zemmouri " + marker);
        String cell = gateway().post("/api/intelligence/entities", "analyst", Json.obj("kind", "ORGANISATION",
                "displayName", "خلية طنجة " + marker, "organisationKind", "CELL", "organisationStatus", "ACTIVE",
                "category", "TERRORISM", "classification", "RESTRICTED")).expect(201).str("id");
        String member = entity("PERSON", "ياسين القادري " + marker, "RESTRICTED", "Yassine El Kadiri " + marker);
        String contact = entity("PERSON", "Karim Benali " + marker, "RESTRICTED", null);
        link(leader, cell, "LEADS");
        link(member, cell, "MEMBER_OF");
        link(contact, member, "COMMUNICATES_WITH");

        Browser browser = signedIn("analyst", "en");
        browser.open("/console/entities/" + leader);
        assertTrue(browser.find("#entity-name").getText().contains(marker));
        String names = browser.find("#names").getText();
        assertTrue(names.contains("Abderrahim Zemmouri " + marker) && names.contains("عبد الرحيم الزموري"), names);
        assertEquals("SECRET", browser.find("#banner-top").getAttribute("data-marking"));
        browser.waitFor("#graph[data-ready=true]");
        // depth 2 from the leader: the cell and the member; the member's contact is one hop further
        assertEquals("3", browser.find("#graph").getAttribute("data-nodes"));
        browser.assertAccessible();
        browser.find("li[data-node='" + member + "'] button.expand").click();
        browser.waitFor("#graph-nodes li[data-node='" + contact + "']");
        assertEquals("4", browser.find("#graph").getAttribute("data-nodes"), "expanding the member adds its contact");

        new Select(browser.find("#to")).selectByValue(member);
        browser.find("#find-path").click();
        browser.waitFor("#path");
        assertEquals("true", browser.find("#path").getAttribute("data-found"));
        List<String> hops = browser.all("#path ol.path li").stream().map(li -> li.getAttribute("data-node"))
                .toList();
        assertEquals(List.of(leader, cell, member), hops);
        browser.assertAccessible();
    }

    @Test
    void screeningALatinSpellingOfAnArabicNameFindsThePersonAndSaysWhy() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String person = entity("PERSON", "محمد الإدريسي", "RESTRICTED", null);
        Browser browser = signedIn("analyst", "fr");
        browser.open("/console/screening");
        browser.assertAccessible();
        browser.find("#name").sendKeys("Mohamed El Idrissi");
        browser.find("#screen-submit").click();
        browser.waitFor("#candidates");
        var first = browser.all("#candidates li.candidate").stream()
                .filter(li -> li.findElement(By.cssSelector("a.candidate-name")).getAttribute("href")
                        .endsWith("/console/entities/" + person))
                .findFirst().orElseThrow(() -> new AssertionError("the person is not among the candidates "
                        + marker + ": " + browser.find("#candidates").getText()));
        String why = first.findElement(By.cssSelector(".explanation")).getText();
        // every part of the query is explained against the Arabic name, in the page's language
        assertTrue(why.contains("« Mohamed » correspond à « محمد »") && why.contains("« El Idrissi » correspond à"),
                why);
        browser.assertAccessible();
    }

    @Test
    void theDashboardShowsTheAnnualIndicatorsWithTheChart() {
        Browser browser = signedIn("analyst", "ar");
        browser.open("/console/dashboard");
        assertEquals("الهجمات على التراب الوطني", browser.all("#annual-figures thead th").get(3).getText());
        assertEquals(10, browser.all("#annual-figures tbody tr").size());
        Object loaded = browser.script("const i = document.getElementById('annual-chart');"
                + " return i.complete && i.naturalWidth > 0;");
        assertEquals(Boolean.TRUE, loaded, "the chart is drawn");
        assertEquals("TOP_SECRET", browser.find("#banner-top").getAttribute("data-marking"),
                "aggregates are marked at the analyst's clearance");
        browser.assertAccessible();
    }

    @Test
    void aLiveAlertRaisedByAnotherUserArrivesWithinFiveSeconds() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String watched = entity("PERSON", "نور الدين الشرقاوي " + marker, "RESTRICTED", null);
        Browser browser = signedIn("supervisor", "en");
        browser.open("/console/entities/" + watched);
        browser.find("#watch").click();
        browser.waitFor("#entity-name");
        browser.open("/console/alerts");
        browser.waitFor("#unread-count[data-live=true]");
        int before = Integer.parseInt(browser.find("#unread-count").getAttribute("data-unread"));
        browser.assertAccessible();

        // another user files a report naming the watched person
        gateway().post("/api/intelligence/reports", "collector", Json.obj("sourceType", "HUMINT", "reliability", "B",
                "credibility", 2, "collectedAt", "2026-12-01T08:00:00Z", "language", "ar", "title",
                "مشاهدة " + marker, "body", "شوهد الشخص في طنجة.", "classification", "RESTRICTED", "mentions",
                List.of(watched))).expect(201);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(driver -> !driver.findElements(By.cssSelector("#alerts-list li.live")).isEmpty());
        assertEquals(before + 1, Integer.parseInt(browser.find("#unread-count").getAttribute("data-unread")));
        String shown = browser.find("#alerts-list li.live").getText();
        assertTrue(shown.contains("مشاهدة " + marker) && shown.contains("نور الدين الشرقاوي " + marker), shown);
    }

    @Test
    void pagesLeftQuicklyDoNotKeepTheNextPageWaiting() {
        // a browser opens at most six connections to one host, and every page opens one for its live alert counter.
        // An officer paging through the alerts quickly left pages whose stream was still being opened; those
        // streams stayed open after the page was gone, and the seventh page waited about a minute (the gateway's
        // idle timeout) for a connection
        Browser browser = signedIn("analyst", "fr");
        for (int offset = 0; offset < 8; offset++) {
            browser.open("/console/alerts?offset=" + offset);
            double queued = ((Number) browser.script("const n = performance.getEntriesByType('navigation')[0];"
                    + " return n.requestStart - n.fetchStart;")).doubleValue();
            assertTrue(queued < 10_000, "page " + offset + " waited " + queued + " ms for a connection");
        }
        browser.waitFor("#unread-count[data-live=true]");
    }

    @Test
    void alertsPageFiftyAtATimeAndShowUnreadOnlyInArabic() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // an agency of its own: the inbox lists every alert its reader may see, and the suite's other tests raise
        // alerts on records of the shared agencies
        String agency = "ALERTS-" + tag.toUpperCase(java.util.Locale.ROOT);
        String watcher = "st-alerts-" + tag;
        String collector = "st-alerts-collector-" + tag;
        gateway().user(watcher, "analyst", "SECRET", List.of(), agency);
        gateway().user(collector, "collector", "SECRET", List.of(), agency);
        String watched = gateway().post("/api/intelligence/entities", watcher, Json.obj("kind", "PERSON",
                "displayName", "عبد الرحيم الوزاني " + tag, "names", List.of(Json.obj("name",
                        "عبد الرحيم الوزاني " + tag, "type", "PRIMARY", "script", "ARABIC")),
                "classification", "RESTRICTED")).expect(201).str("id");
        gateway().post("/api/intelligence/watchlist", watcher, Json.obj("entityId", watched)).expect(201);
        for (int i = 0; i < 53; i++) {
            gateway().post("/api/intelligence/reports", collector, Json.obj("sourceType", "HUMINT", "reliability",
                    "B", "credibility", 2, "collectedAt", "2026-12-01T08:00:00Z", "language", "ar", "title",
                    "مشاهدة " + tag + " " + i, "body", "شوهد الشخص قرب الميناء.", "classification", "RESTRICTED",
                    "mentions", List.of(watched))).expect(201);
        }
        // alerts are written in the report's transaction: all 53 are there once the creates have answered
        assertEquals(53, gateway().get("/api/intelligence/alerts/count", watcher).expect(200).json().getInt("count"));
        String first = gateway().get("/api/intelligence/alerts?limit=1", watcher).expect(200).json()
                .getString("[0].id");
        gateway().post("/api/intelligence/alerts/" + first + "/read", watcher, null).expect(200, 204);

        Browser browser = Browsers.signedIn(gateway().url(), watcher, "st-" + watcher + "-Pass-2026!", "ar");
        browser.open("/console/alerts");
        assertEquals("rtl", browser.find("html").getAttribute("dir"));
        assertEquals(50, browser.all("#alerts-list > li").size(), "fifty to a page");
        assertTrue(browser.all("#previous-page").isEmpty(), "the first page has no previous page");
        browser.assertAccessible();
        browser.find("#next-page").click();
        browser.waitFor("#previous-page");
        assertEquals(3, browser.all("#alerts-list > li").size(), "the rest on the second page");
        assertEquals(1, browser.all("#alerts-list > li:not(.unread)").size(), "read last (unread first)");
        assertTrue(browser.all("#next-page").isEmpty(), "the last page has no next page");

        browser.open("/console/alerts");
        browser.find("#unread").click();
        browser.find("#alert-filter-submit").click();
        browser.waitFor("#next-page");
        assertTrue(browser.driver().getCurrentUrl().contains("unread=true"), browser.driver().getCurrentUrl());
        assertEquals(50, browser.all("#alerts-list > li.unread").size());
        browser.find("#next-page").click();
        browser.waitFor("#previous-page");
        assertEquals(2, browser.all("#alerts-list > li").size(), "52 unread: the read one is not listed");
        assertTrue(browser.all("#alerts-list > li:not(.unread)").isEmpty());
        assertTrue(browser.find("#previous-page").getAttribute("href").contains("unread=true"), "the filter is kept");
        browser.assertAccessible();

        // oldest first, then a kind this watcher has none of: both chosen in the form, both kept by the links
        browser.open("/console/alerts");
        new org.openqa.selenium.support.ui.Select(browser.find("#alert-sort")).selectByValue("createdAt");
        browser.find("#alert-filter-submit").click();
        browser.waitFor("#next-page");
        assertTrue(browser.all("#alerts-list > li").get(0).getText().contains("مشاهدة " + tag + " 0"),
                "the oldest first: " + browser.all("#alerts-list > li").get(0).getText());
        assertTrue(browser.find("#next-page").getAttribute("href").contains("sort=createdAt"), "the order is kept");
        assertTrue(browser.all("#alerts-list > li").get(0).getText().contains("ذكر كيان مُتابَع"),
                "its kind, in Arabic");
        new org.openqa.selenium.support.ui.Select(browser.find("#alert-type")).selectByValue("THREAT_LEVEL_RAISED");
        browser.find("#alert-filter-submit").click();
        browser.waitFor("#no-alerts");
        assertTrue(browser.driver().getCurrentUrl().contains("type=THREAT_LEVEL_RAISED"));
        assertTrue(browser.all("#alerts-list > li").isEmpty(), "no threat-level alert for this watcher");
        browser.assertAccessible();
    }

    private static String entity(String kind, String displayName, String marking, String latinAlias) {
        List<Map<String, Object>> names = new java.util.ArrayList<>();
        names.add(Json.obj("name", displayName, "type", "PRIMARY", "script",
                displayName.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? "ARABIC" : "LATIN"));
        if (latinAlias != null) {
            names.add(Json.obj("name", latinAlias, "type", "ALIAS", "script", "LATIN"));
        }
        return gateway().post("/api/intelligence/entities", "analyst", Json.obj("kind", kind, "displayName",
                displayName, "names", names, "classification", marking)).expect(201).str("id");
    }

    private static void link(String source, String target, String type) {
        gateway().post("/api/intelligence/relationships", "analyst", Json.obj("sourceId", source, "targetId", target,
                "type", type, "confidence", 80, "classification", "RESTRICTED")).expect(201);
    }

    /**
     * Arabic text is drawn with real glyphs: the served face is loaded and used, and the text's width differs
     * from the width of as many missing-glyph boxes (private-use characters no font draws).
     */
    private static void arabicGlyphsAreRendered(Browser browser, String css) {
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.script(
                "const el = document.querySelector(arguments[0]);"
                        + "const text = 'المقاربة الاستباقية للأمن';"
                        + "const probe = (t) => { const s = document.createElement('span'); s.textContent = t;"
                        + " s.style.font = getComputedStyle(el).font; el.appendChild(s);"
                        + " const w = s.getBoundingClientRect().width; s.remove(); return w; };"
                        + "const boxes = '\\uE000'.repeat(text.length);"
                        + "return {arabic: probe(text), boxes: probe(boxes),"
                        + " faceLoaded: document.fonts.check('16px \"Yaqaza Naskh\"', text),"
                        + " used: [...document.fonts].some(f => f.family.includes('Yaqaza Naskh')"
                        + " && f.status === 'loaded')};", css);
        assertEquals(Boolean.TRUE, measured.get("used"), "the console's Arabic face was loaded: " + measured);
        assertEquals(Boolean.TRUE, measured.get("faceLoaded"), measured.toString());
        double arabic = ((Number) measured.get("arabic")).doubleValue();
        double boxes = ((Number) measured.get("boxes")).doubleValue();
        assertTrue(arabic > 0 && Math.abs(arabic - boxes) > 5, "Arabic drawn as missing-glyph boxes: " + measured);
        browser.screenshot(Browsers.SCREENSHOTS.resolve("arabic-report.png"));
    }
}
