package org.yaqaza.systemtest.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.systemtest.Json;

import io.restassured.path.json.JsonPath;

/**
 * Calls through the gateway only, with tokens from its token service (cached per account well inside their 15
 * minutes). A 429 from a rate limit is waited out (Retry-After) and the call repeated: the limits protect the
 * services, they are not what these tests are about.
 */
public final class Gateway {

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final Function<String, String> externalTokens;

    private record Cached(String token, Instant until) {
    }

    public Gateway(String url) {
        this(url, null);
    }

    /**
     * Calls {@code url} (the gateway, or a service directly) with tokens that {@code externalTokens} obtains by
     * account name from another identity provider, each kept five minutes (the shipped Keycloak realm issues
     * tokens for ten).
     */
    public Gateway(String url, Function<String, String> externalTokens) {
        this.url = url;
        this.externalTokens = externalTokens;
    }

    public String url() {
        return url;
    }

    public HttpClient http() {
        return http;
    }

    /** Token of a demo user, or of a user / machine client registered with {@link #user} / {@link #client}. */
    public String token(String account) {
        Cached cached = tokens.get(account);
        if (cached != null && Instant.now().isBefore(cached.until)) {
            return cached.token;
        }
        if (externalTokens != null) {
            String token = externalTokens.apply(account);
            tokens.put(account, new Cached(token, Instant.now().plus(Duration.ofMinutes(5))));
            return token;
        }
        Resp answer;
        if (secrets.containsKey(account) || account.equals(DemoDirectory.PARTNER_CLIENT.clientId())) {
            String secret = secrets.getOrDefault(account, DemoDirectory.PARTNER_CLIENT_SECRET);
            String basic = Base64.getEncoder().encodeToString((account + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            answer = send(HttpRequest.newBuilder(URI.create(url + "/auth/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        } else {
            String password = passwords.getOrDefault(account, DemoDirectory.demoPassword(account));
            answer = send(HttpRequest.newBuilder(URI.create(url + "/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + enc(account)
                            + "&password=" + enc(password))));
        }
        answer.expect(200);
        String token = answer.json().getString("access_token");
        tokens.put(account, new Cached(token, Instant.now().plus(Duration.ofMinutes(10))));
        return token;
    }

    /**
     * Creates a person in the directory as the demo admin, approved by the second demo admin when it needs
     * four-eyes (409 = already there from an earlier class).
     */
    public void user(String username, String role, String clearance, java.util.List<String> compartments,
            String agency) {
        String password = "st-" + username + "-Pass-2026!";
        passwords.put(username, password);
        settled(post("/api/admin/users", "admin", Json.obj("username", username, "displayName", "System test "
                + username, "password", password, "roles", java.util.List.of(role), "clearance", clearance,
                "compartments", compartments, "agency", agency, "enabled", true)));
    }

    /** Creates a partner machine client as the demo admin, approved by the second (409 = already there). */
    public void partnerClient(String clientId, String partner, String clearance) {
        String secret = "st-" + clientId + "-secret-2026";
        secrets.put(clientId, secret);
        settled(post("/api/admin/clients", "admin", Json.obj("clientId", clientId, "displayName", "Partner system "
                + partner, "secret", secret, "roles", java.util.List.of("partner"), "clearance", clearance,
                "compartments", java.util.List.of(), "agency", partner.toUpperCase(), "partner", partner,
                "enabled", true)));
    }

    /** A directory change that waits for a second administrator (202) is approved by the demo's second admin. */
    private void settled(Resp answer) {
        if (answer.status() == 202) {
            post("/api/admin/changes/" + answer.json().getString("id") + "/approve", "admin-2", null).expect(200);
        } else {
            answer.expect(201, 409);
        }
    }

    public Resp get(String path, String account) {
        return call("GET", path, account, null, "application/json");
    }

    public Resp post(String path, String account, Object body) {
        return call("POST", path, account, body == null ? null : Json.write(body), "application/json");
    }

    public Resp put(String path, String account, Object body, String ifMatch) {
        HttpRequest.Builder b = request(path, account, "application/json").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return sendRetrying(b);
    }

    /** Any method; body as a JSON string or null; accept as the Accept header. */
    public Resp call(String method, String path, String account, String body, String accept) {
        return call(method, path, account, body, accept, null);
    }

    /** As {@link #call(String, String, String, String, String)}, inside the caller's W3C trace when given. */
    public Resp call(String method, String path, String account, String body, String accept, String traceparent) {
        HttpRequest.Builder b = request(path, account, accept);
        if (traceparent != null) {
            b.header("traceparent", traceparent);
        }
        if (body == null) {
            b.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("")
                    : HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return sendRetrying(b);
    }

    private HttpRequest.Builder request(String path, String account, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (account != null) {
            b.header("Authorization", "Bearer " + token(account));
        }
        return b;
    }

    private Resp sendRetrying(HttpRequest.Builder b) {
        HttpRequest request = b.build();
        for (int attempt = 0; ; attempt++) {
            Resp r = send(request);
            if (r.status() != 429 || attempt == 20) {
                return r;
            }
            long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
            sleep(Math.max(200, Math.min(wait, 10) * 1000));
        }
    }

    private Resp send(HttpRequest.Builder b) {
        return send(b.build());
    }

    private Resp send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(request.method() + " " + request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()),
                    r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: what was asked, status, raw body, headers. */
    public record Resp(String what, int status, String body, HttpHeaders headers) {

        /** Fails (showing the body) unless the status is one of these. */
        public Resp expect(int... statuses) {
            if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
                fail(what + " answered " + status + " (expected " + Arrays.toString(statuses) + "): "
                        + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
            }
            return this;
        }

        public JsonPath json() {
            return JsonPath.from(body);
        }

        public String str(String path) {
            Object v = json().get(path);
            return v == null ? null : v.toString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
