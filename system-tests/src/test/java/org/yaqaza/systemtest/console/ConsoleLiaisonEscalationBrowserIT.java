package org.yaqaza.systemtest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.ShortDeadlineSuite;
import org.yaqaza.systemtest.scenarios.Gateway;

/**
 * A threat warning passes its acknowledgement deadline and the console shows it escalated (issue 19 item 2). The
 * shared suite runs the production deadlines (FLASH: 10 minutes, which other tests assert), so this class runs on
 * the suite with the liaison service's short clock of its module tests (FLASH 20 s, the escalation job every
 * second): {@link ShortDeadlineSuite}, shared with the differential, fault-tolerance and backbone tests. The officer
 * (in Arabic) watches the countdown reach the deadline, then sees the warning escalated.
 */
@ExtendWith(Browsers.class)
class ConsoleLiaisonEscalationBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static LocalSuite suite;
    private static Gateway gateway;

    @BeforeAll
    static void startSuite() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        suite = ShortDeadlineSuite.acquire(ConsoleLiaisonEscalationBrowserIT.class);
        gateway = new Gateway(suite.gatewayUrl());
    }

    @AfterAll
    static void stopSuite() {
        ShortDeadlineSuite.release(ConsoleLiaisonEscalationBrowserIT.class);
    }

    @Test
    void aFlashWarningPastItsDeadlineShowsEscalated() {
        String code = "st-flash-" + UUID.randomUUID().toString().substring(0, 6);
        gateway.partnerClient(code + "-client", code, "SECRET");
        String partnerId = gateway.post("/api/liaison/partners", "liaison-officer", Json.obj("code", code, "country",
                "ES", "serviceName", "Servicio alertado", "status", "ACTIVE", "classification", "RESTRICTED",
                "clientIds", List.of(code + "-client"))).expect(201).str("id");
        gateway.post("/api/liaison/partners/" + partnerId + "/agreements", "liaison-officer", Json.obj("reference",
                "MOU-" + code, "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                TODAY.minusYears(1).toString(), "status", "ACTIVE")).expect(201);
        String warningId = gateway.post("/api/liaison/warnings", "liaison-officer", Json.obj("partner", code,
                "precedence", "FLASH", "tlp", "AMBER", "category", "TERRORISM", "title", "تحذير عاجل " + code,
                "body", "شاحنة مشبوهة.", "classification", "CONFIDENTIAL")).expect(201).str("id");

        Browser officer = Browsers.open(gateway.url(), "ar", "liaison-officer-ar");
        officer.signIn("liaison-officer", DemoDirectory.demoPassword("liaison-officer"));
        officer.open("/console/liaison/warnings");
        assertEquals("rtl", officer.find("html").getAttribute("dir"));
        WebElement row = officer.find("tr[data-warning='" + warningId + "']");
        assertEquals("open", row.getAttribute("data-state"));
        assertEquals("فوري جداً", row.findElement(By.cssSelector(".precedence")).getText());
        assertEquals("في انتظار الإشعار بالاستلام", row.findElement(By.cssSelector(".warning-state")).getText());
        assertEquals(List.of(), officer.accessibilityViolations(), "axe-core on " + officer.path());
        // the countdown reaches the deadline in the page
        WebElement countdown = row.findElement(By.cssSelector(".countdown"));
        new WebDriverWait(officer.driver(), Duration.ofSeconds(40))
                .until(d -> countdown.getText().equals("انقضى الأجل"));

        // unacknowledged past its deadline: the escalation job escalates it, the page says so
        new WebDriverWait(officer.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
            officer.open("/console/liaison/warnings");
            return "escalated".equals(officer.find("tr[data-warning='" + warningId + "']")
                    .getAttribute("data-state"));
        });
        WebElement escalated = officer.find("tr[data-warning='" + warningId + "']");
        assertEquals(true, escalated.findElement(By.cssSelector(".warning-state")).getText()
                .startsWith("صُعّد إلى المشرفين"));
        assertEquals(List.of(), officer.accessibilityViolations(), "axe-core on " + officer.path());
        // the API agrees
        assertEquals(List.of(warningId), gateway.get("/api/liaison/escalations?warningId=" + warningId,
                "liaison-officer").expect(200).json().getList("warningId"));
    }
}
