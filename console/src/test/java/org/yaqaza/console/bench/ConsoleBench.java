package org.yaqaza.console.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.launcher.BenchVocabulary;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;

/**
 * Server render time of the console's search results page and entity page at N reports (bench/console.sh).
 * Starts the real suite with the launcher (embedded PostgreSQL, gateway, services, console; free ports, a temporary
 * data directory), loads N reports through the API's bulk ingest (Arabic, French, English; a few of them naming
 * the bench's entities, linked by hand as an analyst would confirm them) and a small network around one person,
 * signs in as the demo analyst through the authorization-code flow over HTTP (the console's redirect, the
 * gateway's sign-in form, the callback, cookies kept), then requests the pages through the gateway, warm-up first,
 * and prints p50/p95 of the whole page (as the client sees it) and of the console's own share (the
 * {@code app} part of its {@code Server-Timing} header: total minus the API calls). Exits 1 if a goal is missed.
 * Arguments: reports (100000), repository root (.).
 */
public final class ConsoleBench {

    /** Goal of issue 18: the console's own share of a page, p95, on top of the API calls it makes. */
    private static final double GOAL_APP_P95_MS = 150;
    private static final int WARM_UP = 150;
    private static final int MEASURED = 400;
    /** Reports naming the bench person (every MENTION_EVERY-th), and the organisation (offset by half). */
    private static final int MENTION_EVERY = 400;

    /** Kept so the level set below survives (JUL holds loggers weakly). */
    private static final Logger ZONKY = Logger.getLogger("io.zonky");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern TIMING = Pattern.compile("(\\w+);dur=([0-9.]+)");

    private static final String PERSON_AR = "عبد الرحيم التهامي";
    private static final String PERSON_LATIN = "Abderrahim Touhami";
    private static final String ORGANISATION = "Katibat al-Furqan";

    private final Random random = new Random(18);
    private final String[] arWords = BenchVocabulary.arabic();
    private final String[] frWords = BenchVocabulary.french();
    private final String[] enWords = BenchVocabulary.english();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private LocalSuite suite;
    private final BenchGoals goals = new BenchGoals("console");
    private String gateway;
    private String apiToken;
    private Instant apiTokenAt = Instant.EPOCH;

    public static void main(String[] args) throws Exception {
        ZONKY.setLevel(Level.WARNING);
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        ConsoleBench bench = new ConsoleBench();
        bench.run(reports, root);
        System.exit(bench.goals.finish());
    }

    private boolean run(int reportCount, Path root) throws Exception {
        Path data = Files.createTempDirectory("yaqaza-console-bench");
        String flags = System.getenv("YAQAZA_BENCH_JVM_OPTS");
        // the services' default JIT (C2 included, unlike ./yaqaza up's start-up flags): steady-state figures
        List<String> jvm = flags == null || flags.isBlank() ? List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx768m")
                : List.of(flags.trim().split("\\s+"));
        SuiteOptions options = SuiteOptions.builder(root).dataDirectory(data).freePorts().jvmOptions(jvm)
                .demoSeed(false).progress(message -> System.out.println("  suite: " + message))
                // the load is the bench's, not the subject: the edge's per-user limits would refuse the ingest
                // and the entity page's calls at bench speed (the console's pages themselves are not limited)
                .environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_RATE_LIMITS_DEFAULT_BURST", "1000000")
                .environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_RATE_LIMITS_DEFAULT_PER_SECOND", "1000000")
                // mention extraction would still be working through the backlog while pages are timed: off, and
                // the bench's mentions are added through the API instead
                .environment(SuiteService.INTELLIGENCE, "YAQAZA_INTELLIGENCE_EXTRACTION_WORKERS", "false")
                .build();
        System.out.println("JVM flags of the services: " + String.join(" ", jvm));
        try (LocalSuite started = LocalSuite.start(options)) {
            suite = started;
            gateway = suite.gatewayUrl();
            System.out.println("suite up: " + gateway + " (" + load() + ")");
            Network network = network();
            ingest(reportCount, network);
            signIn();
            return measure(reportCount, network);
        } finally {
            deleteRecursively(data);
        }
    }

    // ---- data ----

    private record Network(String person, String organisation) {
    }

    /** The bench person, an organisation, and twelve associates each with two contacts of their own (depth 2). */
    private Network network() throws Exception {
        String person = entity("PERSON", PERSON_LATIN, PERSON_AR, "SECRET");
        String organisation = entity("ORGANISATION", ORGANISATION, "كتيبة الفرقان", "CONFIDENTIAL");
        relate(person, organisation, "MEMBER_OF", "CONFIDENTIAL");
        int entities = 2;
        int links = 1;
        for (int i = 0; i < 12; i++) {
            String associate = entity("PERSON", "Associate " + i, "شريك " + arWords[200 + i], "RESTRICTED");
            relate(person, associate, i % 2 == 0 ? "ASSOCIATE_OF" : "COMMUNICATES_WITH", "RESTRICTED");
            entities++;
            links++;
            for (int j = 0; j < 2; j++) {
                String contact = entity("PERSON", "Contact " + i + "-" + j, "صلة " + arWords[300 + i * 2 + j],
                        "RESTRICTED");
                relate(associate, contact, "COMMUNICATES_WITH", "CONFIDENTIAL");
                entities++;
                links++;
            }
        }
        System.out.printf("network: %d entities, %d relationships around %s%n", entities, links, PERSON_LATIN);
        return new Network(person, organisation);
    }

    private String entity(String kind, String latin, String arabic, String classification) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("displayName", latin);
        body.put("names", List.of(Map.of("name", latin, "script", "LATIN"), Map.of("name", arabic, "script",
                "ARABIC")));
        if (kind.equals("ORGANISATION")) {
            body.put("organisationKind", "CELL");
            body.put("organisationStatus", "SUSPECTED");
        }
        body.put("classification", classification);
        return post("/api/intelligence/entities", body).path("id").asText();
    }

    private void relate(String from, String to, String type, String classification) throws Exception {
        post("/api/intelligence/relationships", Map.of("sourceId", from, "targetId", to, "type", type,
                "confidence", 80, "classification", classification));
    }

    private void ingest(int total, Network network) throws Exception {
        int chunk = 2_000;
        long start = System.nanoTime();
        int stored = 0;
        List<String> naming = new ArrayList<>();
        List<String> namingOrganisation = new ArrayList<>();
        for (int done = 0; done < total; done += chunk) {
            StringBuilder body = new StringBuilder(chunk * 900);
            int end = Math.min(total, done + chunk);
            for (int i = done; i < end; i++) {
                body.append(reportLine(i)).append('\n');
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/intelligence/reports/bulk"))
                    .header("Authorization", "Bearer " + apiToken())
                    .header("Content-Type", "application/x-ndjson")
                    .header("Idempotency-Key", "console-bench-" + done)
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("bulk ingest failed: " + response.statusCode() + " "
                        + response.body());
            }
            for (String line : response.body().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode result = JSON.readTree(line);
                if (!"CREATED".equals(result.path("status").asText())) {
                    throw new IllegalStateException("bulk ingest refused a line: " + line);
                }
                stored++;
                int index = done + result.path("line").asInt() - 1;
                if (index % MENTION_EVERY == 0) {
                    naming.add(result.path("id").asText());
                } else if (index % MENTION_EVERY == MENTION_EVERY / 2) {
                    namingOrganisation.add(result.path("id").asText());
                }
            }
            if (end % 10_000 == 0 || end == total) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  loaded %,d / %,d reports (%.0f s, %.0f reports/s, %s)%n", stored,
                        total, seconds, stored / seconds, load());
            }
        }
        for (String report : naming) {
            post("/api/intelligence/reports/" + report + "/mentions", Map.of("entityIds", List.of(network.person())));
        }
        for (String report : namingOrganisation) {
            post("/api/intelligence/reports/" + report + "/mentions",
                    Map.of("entityIds", List.of(network.organisation())));
        }
        System.out.printf(Locale.ROOT, "ingest: %,d reports in %.0f s; %d of them name %s, %d %s%n", stored,
                (System.nanoTime() - start) / 1e9, naming.size(), PERSON_LATIN, namingOrganisation.size(),
                ORGANISATION);
    }

    private String reportLine(int i) {
        String lang = switch (i % 10) {
            case 0, 1, 2, 3 -> "ar";
            case 4, 5, 6 -> "fr";
            default -> "en";
        };
        String[] words = lang.equals("ar") ? arWords : lang.equals("fr") ? frWords : enWords;
        String title = sentence(words, 6);
        String body = sentence(words, 70 + random.nextInt(60));
        if (i % MENTION_EVERY == 0) {
            body += lang.equals("ar") ? " " + PERSON_AR : " " + PERSON_LATIN;
        } else if (i % MENTION_EVERY == MENTION_EVERY / 2) {
            body += " " + ORGANISATION;
        }
        String classification = switch (i % 4) {
            case 0 -> "RESTRICTED";
            case 1 -> "CONFIDENTIAL";
            default -> "SECRET";
        };
        String compartments = i % 7 == 0 ? "\"CT-NORTH\"" : "";
        String type = i % 5 == 0 ? "OSINT" : "HUMINT";
        Instant collected = Instant.parse("2015-01-01T00:00:00Z").plusSeconds(random.nextInt(340_000_000));
        return "{\"sourceType\":\"" + type + "\",\"reliability\":\"" + "ABCDEF".charAt(i % 6)
                + "\",\"credibility\":" + (1 + i % 6) + ",\"collectedAt\":\"" + collected + "\",\"language\":\""
                + lang + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"classification\":\""
                + classification + "\",\"compartments\":[" + compartments + "]}";
    }

    private String sentence(String[] words, int length) {
        StringJoiner joined = new StringJoiner(" ");
        for (int i = 0; i < length; i++) {
            joined.add(words[BenchVocabulary.zipf(random, words.length)]);
        }
        return joined.toString();
    }

    // ---- sign-in: the authorization code flow a browser goes through ----

    private void signIn() throws Exception {
        HttpResponse<String> response = get(gateway + "/console/", "en");
        int hops = 0;
        while (response.statusCode() / 100 == 3 || isSignInForm(response)) {
            if (++hops > 10) {
                throw new IllegalStateException("sign-in: too many steps");
            }
            if (isSignInForm(response)) {
                response = submitSignIn(response);
            } else {
                String location = response.headers().firstValue("Location").orElseThrow();
                response = get(URI.create(response.request().uri().toString()).resolve(location).toString(), "en");
            }
        }
        if (response.statusCode() != 200 || !response.body().contains("/console/logout")) {
            throw new IllegalStateException("sign-in did not end on the console's home page: "
                    + response.statusCode() + " " + response.uri());
        }
        System.out.println("signed in as the demo analyst through " + gateway + "/auth/authorize (cookies: "
                + String.join(", ", cookies.keySet()) + ")");
    }

    private static boolean isSignInForm(HttpResponse<String> response) {
        return response.statusCode() == 200 && response.uri().getPath().startsWith("/auth/")
                && response.body().contains("name=\"password\"");
    }

    private HttpResponse<String> submitSignIn(HttpResponse<String> form) throws Exception {
        Matcher action = ACTION.matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("sign-in form without an action");
        }
        StringJoiner fields = new StringJoiner("&");
        Matcher hidden = HIDDEN.matcher(form.body());
        while (hidden.find()) {
            fields.add(encode(unescape(hidden.group(1))) + "=" + encode(unescape(hidden.group(2))));
        }
        fields.add("username=analyst");
        fields.add("password=" + encode(DemoDirectory.demoPassword("analyst")));
        URI target = form.uri().resolve(unescape(action.group(1)));
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", gateway)
                .header("Cookie", cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        keepCookies(response);
        return response;
    }

    // ---- measurement ----

    private boolean measure(int reports, Network network) throws Exception {
        List<Page> searches = new ArrayList<>();
        // words that many reports contain (about one report in ten of their language), alone and in pairs
        String[][] queries = {
            { "الخلية", "ar" }, { "الإرهاب", "ar" }, { "تفكيك الخلية", "ar" }, { "الاستخبارات", "ar" },
            { "cellule", "fr" }, { "réseau financement", "fr" }, { "network", "en" }, { "funding border", "en" } };
        for (String[] query : queries) {
            searches.add(new Page("/console/reports/search?q=" + encode(query[0]), query[1]));
        }
        List<Page> entities = List.of(new Page("/console/entities/" + network.person(), "en"),
                new Page("/console/entities/" + network.person(), "ar"),
                new Page("/console/entities/" + network.organisation(), "fr"));
        // what the pages show: a search hits many reports, the entity page its reports and its network
        for (Page page : searches) {
            String body = get(gateway + page.path(), page.language()).body();
            if (!body.contains("/console/reports/")) {
                throw new IllegalStateException("no results on " + page.path());
            }
        }
        if (!get(gateway + entities.get(0).path(), "en").body().contains("Associate 11")) {
            throw new IllegalStateException("the entity page does not show the network");
        }
        System.out.printf("warm-up: %d requests of each page%n", WARM_UP);
        time(searches, WARM_UP);
        time(entities, WARM_UP);
        boolean met = true;
        met &= report("search results page", reports, time(searches, MEASURED), searches.size() + " queries"
                + " (Arabic, French, English; 20 results with snippets)");
        met &= report("entity page", reports, time(entities, MEASURED), "a person (depth-2 graph of 38 nodes, "
                + "reports naming it, Arabic and English pages) and an organisation (status history)");
        System.out.println(met ? "Goal met: the console's own share p95 < " + (int) GOAL_APP_P95_MS + " ms."
                : "Goal MISSED (see above).");
        return met;
    }

    private record Page(String path, String language) {
    }

    private record Timings(long[] whole, long[] app, long[] api) {
    }

    private Timings time(List<Page> pages, int count) throws Exception {
        long[] whole = new long[count];
        long[] app = new long[count];
        long[] api = new long[count];
        for (int i = 0; i < count; i++) {
            Page page = pages.get(i % pages.size());
            long start = System.nanoTime();
            HttpResponse<String> response = get(gateway + page.path(), page.language());
            whole[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(page.path() + " answered " + response.statusCode());
            }
            Map<String, Double> timing = serverTiming(response);
            app[i] = (long) (timing.get("app") * 1e6);
            api[i] = (long) (timing.get("api") * 1e6);
        }
        return new Timings(whole, app, api);
    }

    private boolean report(String name, int reports, Timings timings, String what) {
        double appP95 = percentile(timings.app(), 95);
        boolean met = appP95 < GOAL_APP_P95_MS;
        System.out.printf(Locale.ROOT, "%s at %,d reports, %d requests, %s:%n", name, reports, timings.whole().length,
                what);
        System.out.printf(Locale.ROOT, "  p50: whole page (client, through the gateway) %.1f ms, API calls"
                + " (Server-Timing api) %.1f ms, console's own share (Server-Timing app) %.1f ms%n", percentile(timings.whole(), 50),
                percentile(timings.api(), 50), percentile(timings.app(), 50));
        String at = String.format(Locale.ROOT, " p95 at %,d reports", reports);
        goals.info(name + ", whole page (client, through the gateway)" + at, percentile(timings.whole(), 95), "ms");
        goals.info(name + ", API calls (Server-Timing api)" + at, percentile(timings.api(), 95), "ms");
        goals.below(name + ", console's own share (Server-Timing app)" + at, appP95, "ms", GOAL_APP_P95_MS);
        return met;
    }

    private static Map<String, Double> serverTiming(HttpResponse<String> response) {
        String header = response.headers().firstValue("Server-Timing").orElseThrow(() -> new IllegalStateException(
                "no Server-Timing header on " + response.uri()));
        Map<String, Double> values = new LinkedHashMap<>();
        Matcher matcher = TIMING.matcher(header);
        while (matcher.find()) {
            values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        if (!values.containsKey("app") || !values.containsKey("api")) {
            throw new IllegalStateException("unexpected Server-Timing: " + header);
        }
        return values;
    }

    // ---- HTTP ----

    private HttpResponse<String> get(String url, String language) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html").header("Accept-Language", language)
                .header("Cookie", cookieHeader()).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        keepCookies(response);
        return response;
    }

    private JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + apiToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The demo analyst's API token for loading (renewed well before its ten minutes are up). */
    private String apiToken() {
        if (Duration.between(apiTokenAt, Instant.now()).toMinutes() >= 2) {
            apiToken = suite.token("analyst", DemoDirectory.demoPassword("analyst"));
            apiTokenAt = Instant.now();
        }
        return apiToken;
    }

    /**
     * A browser's cookie jar, reduced to what one origin needs: the console's cookies are {@code Secure}, which
     * java.net's CookieManager withholds over plain http (browsers send them to localhost), so they are kept here.
     */
    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            String attributes = header.toLowerCase(Locale.ROOT);
            if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private String cookieHeader() {
        StringJoiner header = new StringJoiner("; ");
        cookies.forEach((name, value) -> header.add(name + "=" + value));
        return header.length() == 0 ? "none=1" : header.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    // ---- figures ----

    static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String load() {
        return "load average " + BenchGoals.load();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
