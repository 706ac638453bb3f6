package org.yaqaza.liaison.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yaqaza.liaison.config.LiaisonConfig;

/**
 * This service's own bearer token for calls no user is behind (the outbox): OAuth 2 client_credentials at the
 * gateway's token service, cached until shortly before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final long RENEW_BEFORE_SECONDS = 60;

    private final LiaisonConfig.ServiceClient config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceTokens(LiaisonConfig config, ObjectMapper json, Clock clock) {
        this.config = config.serviceClient();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
        this.clock = clock;
    }

    /** A valid token, fetching a new one when needed; fails (to be retried later) when the gateway refuses. */
    public synchronized String bearer() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(expiresAt.minusSeconds(RENEW_BEFORE_SECONDS))) {
            return "Bearer " + token;
        }
        String clientId = config.clientId().orElseThrow(() -> new IOException(
                "yaqaza.liaison.service-client.client-id is not configured"));
        String secret = config.clientSecret().orElseThrow(() -> new IOException(
                "yaqaza.liaison.service-client.client-secret is not configured"));
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl()))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token service answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        token = body.path("access_token").asText(null);
        if (token == null) {
            throw new IOException("token service answered without access_token");
        }
        expiresAt = clock.instant().plusSeconds(body.path("expires_in").asLong(300));
        return "Bearer " + token;
    }

    /** Forgets the cached token (after a 401 from the other side). */
    public synchronized void invalidate() {
        token = null;
    }
}
