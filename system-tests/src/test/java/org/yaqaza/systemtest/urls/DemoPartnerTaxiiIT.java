package org.yaqaza.systemtest.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.systemtest.security.SecuritySuite;

import io.restassured.path.json.JsonPath;

/**
 * The suite with the demo data as {@code ./yaqaza up} seeds it (the security tests' shared suite, read before they
 * write anything): the demo partner's TAXII client, with its published demo
 * secret over HTTP Basic, starts at {@code /taxii2/}, follows only the URLs it is given (and the protocol's own
 * {@code next} paging) and finds released intelligence waiting for it: reports (one corrected, in two versions of the
 * same STIX id), an intrusion set, indicators and the relationships between them, in Arabic and French. The launcher
 * reports the suite started only once liaison's demo releases exist, so nothing here waits or retries.
 */
class DemoPartnerTaxiiIT {

    private static final String TAXII = "application/taxii+json;version=2.1";

    private static LocalSuite suite;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void demoSuite() {
        // the security tests' suite with the demo data, before any of them writes (SecuritySuiteOrder)
        suite = SecuritySuite.acquire(DemoPartnerTaxiiIT.class).suite();
    }

    @AfterAll
    static void releaseSuite() {
        SecuritySuite.release(DemoPartnerTaxiiIT.class);
    }

    @Test
    void theDemoPartnerFindsItsReleasedIntelligenceByFollowingAdvertisedUrls() {
        String base = suite.gatewayUrl();
        String basic = "Basic " + Base64.getEncoder().encodeToString((DemoDirectory.PARTNER_CLIENT.clientId() + ":"
                + DemoDirectory.PARTNER_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

        JsonPath discovery = ok(base + "/taxii2/", basic);
        String apiRoot = discovery.getString("default");
        assertTrue(apiRoot.startsWith(base + "/"), apiRoot);
        ok(apiRoot, basic);
        JsonPath collections = ok(apiRoot + "collections/", basic);
        String readable = collections.getString("collections.find { it.can_read }.id");

        List<Map<String, Object>> objects = new ArrayList<>();
        String objectsUrl = apiRoot + "collections/" + readable + "/objects/?match%5Bversion%5D=all";
        String page = objectsUrl;
        while (page != null) {
            JsonPath envelope = ok(page, basic);
            List<Map<String, Object>> these = envelope.getList("objects");
            if (these != null) {
                objects.addAll(these);
            }
            String next = envelope.getString("next");
            page = Boolean.TRUE.equals(envelope.get("more")) && next != null
                    ? objectsUrl + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : null;
        }

        Map<String, Integer> countByType = new HashMap<>();
        Map<String, Integer> reportVersions = new HashMap<>();
        Set<String> ids = new HashSet<>();
        StringBuilder names = new StringBuilder();
        for (Map<String, Object> o : objects) {
            String type = (String) o.get("type");
            countByType.merge(type, 1, Integer::sum);
            ids.add((String) o.get("id"));
            if (type.equals("report")) {
                reportVersions.merge((String) o.get("id"), 1, Integer::sum);
            }
            names.append(o.get("name")).append(' ');
        }
        for (String type : List.of("report", "intrusion-set", "indicator", "relationship", "identity")) {
            assertTrue(countByType.getOrDefault(type, 0) >= 1, "no " + type + " in " + countByType);
        }
        assertTrue(countByType.get("indicator") >= 2, countByType.toString());
        assertTrue(reportVersions.size() >= 2, "at least two released reports: " + reportVersions);
        assertTrue(reportVersions.containsValue(2), "the corrected report, two versions of one id: " + reportVersions);
        for (Map<String, Object> o : objects) {
            if (o.get("type").equals("relationship")) {
                assertTrue(ids.contains((String) o.get("source_ref")) && ids.contains((String) o.get("target_ref")),
                        "a relationship between objects the partner received: " + o);
            }
        }
        assertTrue(names.toString().contains("خلية المضيق"), "Arabic names: " + names);
        assertTrue(names.toString().contains("Réseau des Barques"), "French names: " + names);
        assertFalse(objects.isEmpty());
        assertEquals(objects.size(), objects.stream().map(o -> o.get("id") + "@" + o.get("modified")).distinct()
                .count(), "every version once");
    }

    private JsonPath ok(String url, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", TAXII).header("Authorization", authorization).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), url + ": " + response.body());
            return JsonPath.from(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
