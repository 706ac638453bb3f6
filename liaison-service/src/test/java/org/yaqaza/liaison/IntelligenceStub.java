package org.yaqaza.liaison;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.yaqaza.launcher.testing.PostgresTestResource;

/**
 * Stands in for the intelligence-service (a different service; these tests are about liaison) and for the
 * gateway's token endpoint, to the contract in notes/contracts.md: products by id (hidden above the caller's
 * clearance: 404), idempotent PARTNER report creation keyed by Idempotency-Key, client_credentials tokens.
 * It can be stopped (unreachable) and restarted on the same port, and can lose the answer to one creation.
 */
public final class IntelligenceStub {

    public static final String CLIENT_ID = "liaison-service-test";
    public static final String CLIENT_SECRET = "test-only-secret";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final List<String> LEVELS = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET",
            "TOP_SECRET");

    private static HttpServer server;
    private static int port;
    private static final Map<UUID, ObjectNode> PRODUCTS = new ConcurrentHashMap<>();
    /** Created reports by idempotency key. */
    private static final Map<String, ObjectNode> REPORTS = new ConcurrentHashMap<>();
    /** Every report creation request received: its idempotency key. */
    private static final List<String> REPORT_REQUESTS = new CopyOnWriteArrayList<>();
    /** Idempotency keys whose first creation answer is lost (the report is created, the caller gets a 503). */
    private static final java.util.Set<String> LOSE_FIRST_ANSWER = ConcurrentHashMap.newKeySet();

    private IntelligenceStub() {
    }

    public static synchronized String start() {
        if (server == null) {
            bind(0);
        }
        return "http://127.0.0.1:" + port;
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Back on the same port, as a restarted service would be. */
    public static synchronized void restart() throws InterruptedException {
        if (server != null) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                bind(port);
                return;
            } catch (IllegalStateException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    public static void loseFirstAnswerFor(String idempotencyKey) {
        LOSE_FIRST_ANSWER.add(idempotencyKey);
    }

    /** Registers a product; {@code originators} are partner codes of PARTNER source reports. */
    public static UUID product(String classification, String category, String... originators) {
        UUID id = UUID.randomUUID();
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id.toString());
        p.put("title", "تقييم: خلية تجنيد عبر الإنترنت في الشمال");
        p.put("summary", "A recruitment cell uses encrypted messaging to approach young people in Tangier and "
                + "Tetouan; travel to a conflict zone is being prepared.");
        p.put("tearLine", "Releasable summary: recruitment via messaging groups; watch travel via Ceuta.");
        p.put("category", category);
        p.put("classification", classification);
        p.putArray("compartments");
        p.put("ownerAgency", "DGST");
        p.putArray("sourceReportIds").add(UUID.randomUUID().toString());
        var o = p.putArray("originatorPartners");
        for (String code : originators) {
            o.add(code);
        }
        p.put("createdAt", "2026-01-15T10:00:00Z");
        p.put("version", 3);
        PRODUCTS.put(id, p);
        return id;
    }

    public static void changeProduct(UUID id, String title) {
        ObjectNode p = PRODUCTS.get(id);
        p.put("title", title);
        p.put("version", p.get("version").asLong() + 1);
    }

    /** Reports created for this idempotency key (0 or 1: the stub is idempotent like the real service). */
    public static JsonNode report(String idempotencyKey) {
        return REPORTS.get(idempotencyKey);
    }

    public static long reportsFromPartner(String partnerCode) {
        return REPORTS.values().stream().filter(r -> partnerCode.equals(r.path("originatorPartner").asText()))
                .count();
    }

    public static long requestsWithKey(String idempotencyKey) {
        return REPORT_REQUESTS.stream().filter(idempotencyKey::equals).count();
    }

    private static void bind(int wanted) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
            s.createContext("/api/intelligence/products/", IntelligenceStub::product);
            s.createContext("/api/intelligence/reports", IntelligenceStub::report);
            s.createContext("/auth/token", IntelligenceStub::token);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (BindException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void product(HttpExchange ex) throws IOException {
        JsonNode claims = claims(ex);
        if (claims == null) {
            send(ex, 401, "{\"status\":401}");
            return;
        }
        String idText = ex.getRequestURI().getPath().substring("/api/intelligence/products/".length());
        ObjectNode product;
        try {
            product = PRODUCTS.get(UUID.fromString(idText));
        } catch (IllegalArgumentException e) {
            product = null;
        }
        if (product == null || LEVELS.indexOf(claims.path("clearance").asText("UNCLASSIFIED"))
                < LEVELS.indexOf(product.get("classification").asText())) {
            send(ex, 404, "{\"status\":404,\"title\":\"Not found\"}");
            return;
        }
        send(ex, 200, product.toString());
    }

    private static void report(HttpExchange ex) throws IOException {
        JsonNode claims = claims(ex);
        if (claims == null || !claims.path("groups").toString().contains("\"service\"")) {
            send(ex, claims == null ? 401 : 403, "{}");
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (!"PARTNER".equals(body.path("sourceType").asText()) || body.path("originatorPartner").isMissingNode()) {
            send(ex, 422, "{}");
            return;
        }
        REPORT_REQUESTS.add(String.valueOf(key));
        ObjectNode existing = key == null ? null : REPORTS.get(key);
        if (existing != null) {
            send(ex, 200, existing.toString());
            return;
        }
        ObjectNode created = ((ObjectNode) body).deepCopy();
        created.put("id", UUID.randomUUID().toString());
        if (key != null) {
            REPORTS.put(key, created);
        }
        if (key != null && LOSE_FIRST_ANSWER.remove(key)) {
            send(ex, 503, "{}");
            return;
        }
        send(ex, 201, created.toString());
    }

    private static void token(HttpExchange ex) throws IOException {
        String form;
        try (InputStream in = ex.getRequestBody()) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String clientId = fields.get("client_id");
        if (!"client_credentials".equals(fields.get("grant_type")) || !CLIENT_ID.equals(clientId)
                || !CLIENT_SECRET.equals(fields.get("client_secret"))) {
            send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = PostgresTestResource.primary().token().subject(CLIENT_ID).roles("service")
                .clearance("TOP_SECRET").agency("DGST").sign();
        send(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    /** The payload of the bearer token (the real services verify it; the stub only reads it). */
    private static JsonNode claims(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = auth.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> keys() {
        return new ArrayList<>(REPORTS.keySet());
    }
}
