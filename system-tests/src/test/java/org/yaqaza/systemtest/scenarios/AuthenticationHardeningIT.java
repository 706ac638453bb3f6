package org.yaqaza.systemtest.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.GatewayClient;

/**
 * Issue 16 through the real suite: the alert stream of intelligence-service, proxied by the gateway, ends within
 * seconds of its user being disabled in the gateway's directory, and the disabled user's still-unexpired token is
 * refused on the next request (no waiting for its expiry); the demo partner signs in with the key the launcher
 * generated for it (private_key_jwt), once per assertion.
 */
@ExtendWith(SharedSuite.class)
class AuthenticationHardeningIT {

    private static final String INTEL = "/api/intelligence";

    @Test
    void disablingAUserEndsTheirAlertStreamWithinSecondsAndRefusesTheirToken() throws Exception {
        Gateway gw = SharedSuite.gateway();
        String username = "st-streamer-" + UUID.randomUUID().toString().substring(0, 8);
        gw.user(username, "analyst", "RESTRICTED", List.of(), "DGST");
        String token = gw.token(username);

        AtomicInteger events = new AtomicInteger();
        CompletableFuture<Long> ended = gw.http().sendAsync(HttpRequest.newBuilder(URI.create(gw.url() + INTEL
                + "/alerts/stream")).header("Accept", "text/event-stream").header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenApplyAsync(response -> {
                    assertEquals(200, response.statusCode());
                    try (Stream<String> lines = response.body()) {
                        lines.filter(line -> line.startsWith("event:")).forEach(line -> events.incrementAndGet());
                    } catch (RuntimeException cut) {
                        // a reset ends the stream as well as a clean end would
                    }
                    return System.nanoTime();
                });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.get() == 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(events.get() > 0, "the stream opened (its 'connected' event arrived)");
        // the service keeps it open: the token has 15 minutes to run
        Thread.sleep(1_000);
        assertFalse(ended.isDone(), "still open before the disabling");

        long disabledAt = System.nanoTime();
        gw.post("/api/admin/users/" + username + "/disable", "admin", null).expect(200);
        long endedAfterMillis = TimeUnit.NANOSECONDS.toMillis(ended.get(10, TimeUnit.SECONDS) - disabledAt);
        assertTrue(endedAfterMillis < 5_000, "ended " + endedAfterMillis + " ms after the disabling");

        HttpResponse<String> next = gw.http().send(HttpRequest.newBuilder(URI.create(gw.url() + INTEL
                + "/alerts/count")).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, next.statusCode(), "the disabled user's unexpired token is refused at once");
    }

    @Test
    void theDemoPartnerSignsInWithItsGeneratedKeyAndAnAssertionServesOnce() throws Exception {
        var suite = SharedSuite.suite();
        String clientId = DemoDirectory.PARTNER_CLIENT.clientId();
        String key = suite.partnerPrivateKey();
        String token = suite.gateway().assertionToken(clientId, key);
        // a token of the partner system: its subject and partner claim (this suite seeds no partner data to fetch)
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"" + clientId + "\"") && claims.contains("\"partner\":\"es-cni\""),
                claims);

        // the same assertion a second time is a replay
        String assertion = GatewayClient.clientAssertion(clientId, key, suite.gatewayUrl() + "/auth/token");
        assertEquals(200, tokenRequest(suite.gatewayUrl(), assertion).statusCode());
        HttpResponse<String> replay = tokenRequest(suite.gatewayUrl(), assertion);
        assertEquals(401, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("invalid_client"), replay.body());
    }

    private static HttpResponse<String> tokenRequest(String gatewayUrl, String assertion) throws Exception {
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode(GatewayClient.ASSERTION_TYPE, StandardCharsets.UTF_8) + "&client_assertion="
                + assertion;
        return SharedSuite.gateway().http().send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
