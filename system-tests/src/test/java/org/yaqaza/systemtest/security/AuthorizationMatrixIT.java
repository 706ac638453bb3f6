package org.yaqaza.systemtest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yaqaza.systemtest.Json;

/**
 * Issue 6, item 2: who may call what. The table {@code authorization-matrix.csv} states, for every operation of
 * every OpenAPI document of the suite (the gateway's and each service's) and every kind of caller (the demo users
 * of each role with their clearance, the partner system {@code es-cni}, and no token at all), what the gateway
 * must answer. This test proves the table covers the documents exactly, then makes every call through the
 * gateway and compares.
 */
class AuthorizationMatrixIT {

    private static SecuritySuite suite;
    private static OpenApiCatalog catalog;
    private static AuthorizationMatrix matrix;

    @BeforeAll
    static void start() {
        suite = SecuritySuite.acquire(AuthorizationMatrixIT.class);
        catalog = OpenApiCatalog.fetch(suite);
        matrix = AuthorizationMatrix.load();
    }

    @AfterAll
    static void stop() {
        SecuritySuite.release(AuthorizationMatrixIT.class);
    }

    @Test
    void theTableCoversEveryOperationOfEveryOpenApiDocumentAndNothingElse() throws IOException {
        Set<String> documented = catalog.operations().stream().map(OpenApiCatalog.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(matrix.rows().keySet());
        Set<String> stale = new TreeSet<>(matrix.rows().keySet());
        stale.removeAll(documented);
        if (!missing.isEmpty()) {
            // a starting point for whoever adds the rows: every cell still to be decided
            Path draft = Path.of("target", "authorization-matrix.missing.csv");
            Files.createDirectories(draft.getParent());
            Files.writeString(draft, missing.stream().map(k -> String.join(",", k.split(" ", 3)) + ","
                    + String.join(",", Collections.nCopies(matrix.callers().size(), "?")) + ",")
                    .collect(Collectors.joining("\n", "", "\n")));
        }
        System.out.printf("authorization matrix: %d OpenAPI operations (%s), %d table rows%n", documented.size(),
                catalog.operations().stream().collect(Collectors.groupingBy(OpenApiCatalog.Operation::service,
                        LinkedHashMap::new, Collectors.counting())), matrix.rows().size());
        assertTrue(missing.isEmpty(), missing.size() + " OpenAPI operations are not in "
                + AuthorizationMatrix.RESOURCE + " (draft rows in target/authorization-matrix.missing.csv):\n  "
                + String.join("\n  ", missing));
        assertTrue(stale.isEmpty(), stale.size() + " rows of " + AuthorizationMatrix.RESOURCE
                + " name operations no OpenAPI document has any more:\n  " + String.join("\n  ", stale));
    }

    @Test
    void theTableNamesTheCallersAsTheirTokensDo() {
        assertEquals(SecuritySuite.CALLERS, matrix.callers(), "matrix columns");
        for (String caller : matrix.callers()) {
            assertEquals(matrix.clearance(caller), suite.clearance(caller), "clearance of " + caller);
        }
    }

    @Test
    void everyCallerGetsWhatTheTableSaysThroughTheGateway() {
        Samples samples = new Samples(catalog);
        List<Call> calls = new ArrayList<>();
        for (OpenApiCatalog.Operation operation : catalog.operations()) {
            AuthorizationMatrix.Row row = matrix.rows().get(operation.key());
            for (String caller : matrix.callers()) {
                // an operation missing from the table (the coverage test fails for it) is called all the same,
                // so that target/authorization-matrix.observed.csv shows what it answers
                calls.add(new Call(operation, caller, row == null ? "?" : row.expected().get(caller)));
            }
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<String, Integer>> observed = new ConcurrentHashMap<>();
        AtomicInteger fiveHundreds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try {
            CompletableFuture.allOf(calls.stream().map(call -> CompletableFuture.runAsync(() -> {
                SecuritySuite.Answer answer = send(call, samples);
                observed.computeIfAbsent(call.operation().key(), k -> new ConcurrentHashMap<>())
                        .put(call.caller(), answer.status());
                String failure = call.expected().equals("?") ? null : judge(call, answer);
                if (answer.status() >= 500) {
                    fiveHundreds.incrementAndGet();
                }
                if (failure != null) {
                    failures.add(failure);
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        writeObserved(observed);
        Collections.sort(failures);
        System.out.printf("authorization matrix: %d operations x %d callers = %d calls in %.1f s, %d mismatches,"
                + " %d 5xx%n", catalog.operations().size(), matrix.callers().size(), calls.size(),
                (System.nanoTime() - started) / 1e9, failures.size(), fiveHundreds.get());
        assertTrue(failures.isEmpty(), failures.size() + " answers differ from " + AuthorizationMatrix.RESOURCE
                + ":\n  " + String.join("\n  ", failures));
    }

    /** What every caller got, in the table's shape (for whoever updates the table). */
    private static void writeObserved(Map<String, Map<String, Integer>> observed) {
        StringBuilder out = new StringBuilder("service,method,path,"
                + String.join(",", matrix.callers()) + "\n");
        new TreeMap<>(observed).forEach((key, statuses) -> {
            out.append(String.join(",", key.split(" ", 3)));
            matrix.callers().forEach(c -> out.append(',').append(statuses.get(c)));
            out.append('\n');
        });
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "authorization-matrix.observed.csv"), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Call(OpenApiCatalog.Operation operation, String caller, String expected) {
    }

    private static SecuritySuite.Answer send(Call call, Samples samples) {
        OpenApiCatalog.Operation op = call.operation();
        String path = op.path();
        for (OpenApiCatalog.Parameter p : op.parameters("path")) {
            path = path.replace("{" + p.name() + "}", Samples.missingPathValue(p.schema()));
        }
        List<String> query = new ArrayList<>();
        for (OpenApiCatalog.Parameter p : op.parameters("query")) {
            if (p.required()) {
                query.add(p.name() + "=" + URLEncoder.encode(samples.queryValue(p.name(), p.schema()),
                        StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (OpenApiCatalog.Parameter p : op.parameters("header")) {
            if (p.required()) {
                headers.put(p.name(), samples.queryValue(p.name(), p.schema()));
            }
        }
        String contentType = null;
        byte[] body = null;
        if (!op.bodyTypes().isEmpty()) {
            contentType = op.bodyTypes().keySet().iterator().next();
            if (op.jsonBody().isPresent() && contentType.contains("json") && !contentType.contains("ndjson")) {
                body = Json.write(samples.body(op.jsonBody().get(), false)).getBytes(StandardCharsets.UTF_8);
            } else {
                body = new byte[0];
            }
        } else if (Set.of("POST", "PUT", "PATCH").contains(op.method())) {
            body = new byte[0];
        }
        String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
        return suite.send(op.method(), target, call.caller(), contentType, body, headers);
    }

    private static String judge(Call call, SecuritySuite.Answer answer) {
        int status = answer.status();
        boolean good;
        if (status >= 500) {
            good = false;
        } else if (call.expected().equals("ok")) {
            good = status != 401 && status != 403;
        } else {
            good = status == Integer.parseInt(call.expected());
        }
        // the token endpoint answers in OAuth 2's own error format (RFC 6749 section 5.2), not as a problem
        boolean oauth = call.operation().path().equals("/auth/token");
        if (good && !oauth && (status == 401 || status == 403)
                && !answer.contentType().startsWith("application/problem+json")) {
            return call.operation().key() + " as " + call.caller() + ": " + status + " is not a problem document: "
                    + answer;
        }
        return good ? null : call.operation().key() + " as " + call.caller() + ": expected " + call.expected()
                + ", got " + answer;
    }
}
