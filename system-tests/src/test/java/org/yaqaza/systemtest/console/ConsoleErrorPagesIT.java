package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteService;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

/**
 * The console's two error pages that only a refusal or a failure shows, in a real browser through the gateway: a
 * refused action (a prevention officer searching the intelligence reports, which the console offers every
 * signed-in user and the API allows only collectors, analysts and supervisors) shows the translated 403 page with
 * its banner; a page whose service call fails (the intelligence service stopped with the launcher's own
 * stop/start, the facility FaultToleranceIT uses, and started again before the test ends) shows the 502 page with
 * the request id the gateway logged. axe-core on both: no serious or critical violation.
 */
@ExtendWith({ SharedSuite.class, Browsers.class })
class ConsoleErrorPagesIT {

    /** The gateway's circuit for an upstream stays open 10 s after failures; time for the restarted JVM too. */
    private static final Duration ROUTED_AGAIN = Duration.ofMinutes(3);

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

    @Test
    void anActionTheApiRefusesShowsTheTranslatedForbiddenPage() {
        Browser browser = signedIn("prevention-officer", "ar");
        browser.find("#nav-search").click();
        browser.find("#q").sendKeys("خلية");
        browser.find("#search-submit").click();

        browser.waitFor("#error-title");
        assertEquals("غير مسموح", browser.find("#error-title").getText(), "the 403 page, in Arabic");
        assertTrue(browser.find("main").getText().contains("أدوارك لا تسمح بهذا الإجراء."),
                browser.find("main").getText());
        assertEquals("rtl", browser.find("html").getAttribute("dir"));
        assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"),
                "no record on the page: the banner says so");
        assertEquals("UNCLASSIFIED", browser.find("#banner-bottom").getAttribute("data-marking"));
        assertEquals("غير مصنف", browser.find("#banner-top").getText());
        assertTrue(browser.path().startsWith("/console/reports/search"), "stays at the address asked for");
        browser.assertAccessible();

        // the same refusal in French: the page is translated, not a fixed English text
        browser.open("/console/language?set=fr&back=%2Fconsole%2Freports%2Fsearch%3Fq%3Dcellule");
        browser.waitFor("#error-title");
        assertEquals("Action non autorisée", browser.find("#error-title").getText());
        browser.assertAccessible();
    }

    @Test
    void aPageWhoseServiceDoesNotAnswerShowsTheUnavailablePageWithTheRequestId() throws Exception {
        Browser browser = signedIn("analyst", "en");
        browser.open("/console/reports/search?q=network");
        browser.waitFor("main h1");
        assertNotEquals("Service unavailable", browser.find("main h1").getText(), "the search works before");

        LocalSuite suite = SharedSuite.suite();
        suite.stopService(SuiteService.INTELLIGENCE);
        try {
            browser.open("/console/reports/search?q=network");
            browser.waitFor("#error-title");
            assertEquals("Service unavailable", browser.find("#error-title").getText());
            String text = browser.find("main").getText();
            Matcher id = Pattern.compile("request ([0-9A-Za-z._:-]+)\\.").matcher(text);
            assertTrue(id.find(), "the page names the request: " + text);
            assertNotEquals("-", id.group(1), text);
            assertTrue(gatewayLogged(suite, id.group(1)), "the request id shown is the one the gateway logged: "
                    + id.group(1));
            assertEquals("UNCLASSIFIED", browser.find("#banner-top").getAttribute("data-marking"));
            browser.assertAccessible();
        } finally {
            suite.startService(SuiteService.INTELLIGENCE);
            awaitRoutedAgain();
        }
        browser.open("/console/reports/search?q=network");
        browser.waitFor("main h1");
        assertNotEquals("Service unavailable", browser.find("main h1").getText(), "the search works again");
    }

    /** The gateway's access log (in its service log) has the id: an operator can find the failed call by it. */
    private static boolean gatewayLogged(LocalSuite suite, String requestId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10); // the access log is written by its own thread
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(suite.logFile(SuiteService.GATEWAY)).contains(requestId)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Other classes share the suite: they get it back as they found it, routed by the gateway again. */
    private static void awaitRoutedAgain() throws InterruptedException {
        Instant deadline = Instant.now().plus(ROUTED_AGAIN);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = gateway().get("/api/intelligence/reports?limit=1", "analyst").status();
            if (status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway does not route to the intelligence service again: " + status);
    }
}
