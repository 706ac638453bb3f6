package org.yaqaza.systemtest.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.SuiteService;
import org.yaqaza.testsupport.PrometheusText;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issue 17, item 5: the alert rules and the dashboard cannot silently rot. Every metric name used in the
 * PrometheusRule's expressions and in the Grafana dashboard's queries (k8s/components/monitoring) must be exported
 * by the running services at /q/metrics (histogram series by their _bucket/_count/_sum names), be recorded by a
 * rule of the same PrometheusRule, or be one of the few series other exporters make (listed below). Metrics that
 * exist only once requests were served are made to exist first: requests go through the gateway into every route
 * family, and each family's uri pattern must match a route template the services really report.
 */
@ExtendWith(SharedSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricNamesIT {

    private static final Path MONITORING = Path.of(System.getProperty("yaqaza.repository-root", ".."))
            .resolve("k8s/components/monitoring");

    /** Series no Yaqaza service exports, by who makes them (docs/operations.md names both as prerequisites). */
    private static final Map<String, String> EXTERNAL = Map.of(
            "up", "Prometheus itself (one per scrape target)",
            "kube_deployment_spec_replicas", "kube-state-metrics",
            "kube_deployment_status_replicas_available", "kube-state-metrics");

    private static final Pattern URI_MATCHER = Pattern.compile("uri\\s*(=~|!~)\\s*\"([^\"]*)\"");

    private Gateway gw;
    /** Sample names per service, scraped after the traffic. */
    private final Map<SuiteService, Set<String>> exported = new LinkedHashMap<>();
    /** Route templates (uri label values) of the HTTP histogram, per service. */
    private final Map<SuiteService, Set<String>> uris = new LinkedHashMap<>();

    @BeforeAll
    void trafficThenScrape() throws Exception {
        gw = SharedSuite.gateway();
        // auth: the token endpoint and discovery (every call below also fetches a token)
        gw.token("analyst");
        served("/.well-known/openid-configuration", null);
        // api: interactive reads in each service, a miss included
        served("/api/intelligence/reports", "analyst");
        served("/api/intelligence/reports/00000000-0000-0000-0000-000000000000", "analyst");
        served("/api/liaison/partners", "liaison-officer");
        served("/api/prevention/programmes", "prevention-officer");
        // analysis, audit, admin, partner
        served("/api/intelligence/reports/search?q=" + Gateway.enc("تهريب"), "analyst");
        served("/api/liaison/statistics/annual", "liaison-officer");
        for (String service : List.of("gateway", "intelligence", "liaison", "prevention")) {
            served("/api/" + service + "/audit?limit=1", "auditor");
        }
        served("/api/admin/users", "admin");
        String partner = DemoDirectory.PARTNER_CLIENT.clientId();
        served("/taxii2/", partner);
        served("/api/liaison/partner/warnings", partner);
        for (SuiteService service : SuiteService.values()) {
            String metrics = scrape(service);
            exported.put(service, PrometheusText.sampleNames(metrics));
            Set<String> templates = new TreeSet<>();
            PrometheusText.parse(metrics).stream().filter(s -> s.name().equals("http_server_requests_seconds_bucket"))
                    .forEach(s -> templates.add(s.labels().getOrDefault("uri", "")));
            uris.put(service, templates);
        }
    }

    @Test
    void everyMetricTheRulesAndTheDashboardReadIsExported() throws IOException {
        JsonNode rule = new YAMLMapper().readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        Set<String> recorded = new TreeSet<>();
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode r : group.path("rules")) {
                if (r.has("record")) {
                    recorded.add(r.path("record").asText());
                }
                String where = r.has("alert") ? "alert " + r.path("alert").asText() : "record " + r.path("record")
                        .asText();
                PromQl.metricNames(r.path("expr").asText()).forEach(n -> usedBy.computeIfAbsent(n,
                        k -> new TreeSet<>()).add(where));
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("dashboards/yaqaza-overview.json")
                .toFile());
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.path("query").has("query")) {
                queries.add(variable.path("query").path("query").asText());
            }
        }
        assertTrue(queries.size() >= 20, "the dashboard's queries were found: " + queries.size());
        queries.forEach(q -> PromQl.metricNames(q).forEach(n -> usedBy.computeIfAbsent(n, k -> new TreeSet<>())
                .add("dashboard")));

        Set<String> allExported = new TreeSet<>();
        exported.values().forEach(allExported::addAll);
        Map<String, Set<String>> missing = new TreeMap<>();
        int fromServices = 0;
        int fromRules = 0;
        int fromOthers = 0;
        for (Map.Entry<String, Set<String>> use : usedBy.entrySet()) {
            String name = use.getKey();
            if (allExported.contains(name)) {
                fromServices++;
            } else if (recorded.contains(name)) {
                fromRules++;
            } else if (EXTERNAL.containsKey(name)) {
                fromOthers++;
            } else {
                missing.put(name, use.getValue());
            }
        }
        System.out.printf("metric names checked: %d used by %d rules and %d dashboard queries: %d exported by the"
                + " services, %d recorded by the rules, %d from other exporters %s%n", usedBy.size(),
                rule.at("/spec/groups").findValues("expr").size(), queries.size(), fromServices, fromRules,
                fromOthers, EXTERNAL.keySet());
        usedBy.keySet().forEach(name -> System.out.println("  " + name + " <- " + where(name)));
        assertEquals(Map.of(), missing, "metric names used by the rules or the dashboard that no service exports"
                + " (renamed? not registered until some event? then make the event happen above)");
        assertTrue(fromServices >= 15, "the services' own metrics are among those checked: " + fromServices);
    }

    @Test
    void everyRouteFamilyMatchesRoutesTheServicesReport() throws IOException {
        JsonNode rule = new YAMLMapper().readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        Map<String, String> unmatched = new TreeMap<>();
        int families = 0;
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode r : group.path("rules")) {
                String family = r.at("/labels/family").asText("");
                String expr = r.path("expr").asText();
                if (family.isEmpty() || !expr.contains("http_server_requests_seconds_bucket{")) {
                    continue;
                }
                families++;
                Matcher m = URI_MATCHER.matcher(expr);
                List<Pattern> include = new ArrayList<>();
                List<Pattern> exclude = new ArrayList<>();
                while (m.find()) {
                    (m.group(1).equals("=~") ? include : exclude).add(Pattern.compile(m.group(2)));
                }
                Map<SuiteService, Set<String>> matched = new TreeMap<>();
                uris.forEach((service, templates) -> templates.stream()
                        .filter(u -> include.stream().allMatch(p -> p.matcher(u).matches()))
                        .filter(u -> exclude.stream().noneMatch(p -> p.matcher(u).matches()))
                        .forEach(u -> matched.computeIfAbsent(service, k -> new TreeSet<>()).add(u)));
                System.out.printf("route family %s: %s%n", family, matched);
                if (matched.isEmpty()) {
                    unmatched.put(family, include + " minus " + exclude);
                }
            }
        }
        uris.forEach((service, templates) -> System.out.println("uri templates of " + service.module() + ": "
                + templates));
        assertEquals(6, families, "the six route families of docs/operations.md");
        assertEquals(Map.of(), unmatched, "route families whose uri pattern matches no route template the services"
                + " report after a request in each family");
    }

    /** One request through the gateway; any answer but a 5xx (the route, not the data, is what counts here). */
    private void served(String path, String account) {
        Gateway.Resp r = gw.get(path, account);
        assertTrue(r.status() < 500, r.what() + " answered " + r.status() + ": " + r.body());
    }

    private String where(String name) {
        List<String> sources = new ArrayList<>();
        exported.forEach((service, names) -> {
            if (names.contains(name)) {
                sources.add(service.module());
            }
        });
        return sources.isEmpty() ? EXTERNAL.getOrDefault(name, "recording rule") : String.join(", ", sources);
    }

    private String scrape(SuiteService service) throws IOException, InterruptedException {
        HttpResponse<String> r = gw.http().send(HttpRequest.newBuilder(URI.create(SharedSuite.suite().url(service)
                + "/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), service.module() + " /q/metrics");
        Files.createDirectories(Path.of("target"));
        // kept for whoever has to see what was exported when this test fails
        Files.writeString(Path.of("target", "metrics-" + service.module() + ".txt"), r.body());
        return r.body();
    }
}
