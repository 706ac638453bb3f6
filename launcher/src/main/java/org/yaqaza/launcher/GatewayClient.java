package org.yaqaza.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** The few calls the launcher makes to the gateway: tokens and the directory admin API. */
public final class GatewayClient {

    private final String baseUrl;
    private final HttpClient http;

    public GatewayClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** An access token for a person of the built-in directory ({@code password} grant). */
    public String passwordToken(String username, String password) {
        HttpResponse<String> response = send(tokenRequest(
                form("grant_type", "password") + "&" + form("username", username) + "&" + form("password", password),
                null));
        return accessToken(response, "user " + username);
    }

    /** An access token for a machine client, or empty when its credentials are refused ({@code invalid_client}). */
    public Optional<String> clientToken(String clientId, String secret) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(tokenRequest(form("grant_type", "client_credentials"), basic));
        if (response.statusCode() == 401) {
            return Optional.empty();
        }
        return Optional.of(accessToken(response, "client " + clientId));
    }

    /** GET with a bearer token; the status and body. */
    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
    }

    /** POST of a JSON object with a bearer token; the status and body. */
    public HttpResponse<String> postJson(String path, String token, Map<String, ?> body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(body), StandardCharsets.UTF_8)).build());
    }

    private HttpRequest tokenRequest(String form, String basic) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/auth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (basic != null) {
            builder.header("Authorization", "Basic " + basic);
        }
        return builder.build();
    }

    private static String accessToken(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new LauncherException("the gateway refused a token for " + who + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        try {
            Object token = JsonUtil.parseJson(response.body()).get("access_token");
            if (token instanceof String value) {
                return value;
            }
        } catch (JoseException e) {
            // reported below
        }
        throw new LauncherException("the gateway answered the token request for " + who + " without access_token");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LauncherException("could not reach the gateway at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while calling the gateway");
        }
    }

    private static String form(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
