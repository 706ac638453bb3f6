package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ServerTimingTest {

    private static final Pattern METRIC = Pattern.compile("(\\w+);dur=([0-9.]+)");

    @Test
    void theHeaderSplitsThePageIntoApiAndTheConsolesOwnShare() throws InterruptedException {
        ServerTiming.Request timing = new ServerTiming.Request();
        timing.addCall(30_000_000);
        timing.addCall(12_500_000);
        Thread.sleep(50); // the request lasts longer than its calls: the rest is the console's own share
        String header = timing.header();

        assertTrue(header.startsWith("api;dur=42.5;desc=\"2 calls\", app;dur="), header);
        Map<String, Double> values = new LinkedHashMap<>();
        Matcher matcher = METRIC.matcher(header);
        while (matcher.find()) {
            values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        assertEquals(java.util.List.of("api", "app", "total"), java.util.List.copyOf(values.keySet()));
        assertTrue(values.get("total") >= 50, header);
        assertEquals(values.get("total") - values.get("api"), values.get("app"), 0.11, header);
    }

    @Test
    void aPageWithoutApiCallsIsAllTheConsoles() {
        String header = new ServerTiming.Request().header();
        assertTrue(header.startsWith("api;dur=0.0;desc=\"0 calls\", app;dur="), header);
    }
}
