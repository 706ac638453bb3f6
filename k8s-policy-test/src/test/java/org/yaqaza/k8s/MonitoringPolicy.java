package org.yaqaza.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

/**
 * The rules for the monitoring resources (k8s/components/monitoring), applied to one rendered namespace: every
 * ServiceMonitor selects an existing Service and names one of its ports, every Yaqaza service is scraped once
 * monitoring is there at all, Prometheus may reach each scraped port, every alert has a {@code for}, a severity
 * and a runbook link to a heading of docs/operations.md, and the Grafana dashboard is valid JSON whose panels all
 * query something. The metric names themselves are checked against the running services by MetricNamesIT.
 */
final class MonitoringPolicy {

    static final String SERVICE_MONITOR = "ServiceMonitor";
    static final String PROMETHEUS_RULE = "PrometheusRule";

    /** The label the Grafana sidecar of kube-prometheus-stack loads dashboards by. */
    static final String DASHBOARD_LABEL = "grafana_dashboard";

    static final Set<String> SEVERITIES = Set.of("critical", "warning");

    /** Top-level fields of a ServiceMonitor spec (monitoring.coreos.com/v1, Prometheus Operator 0.7x-0.8x). */
    private static final Set<String> SERVICE_MONITOR_FIELDS = Set.of("attachMetadata", "bodySizeLimit",
            "endpoints", "fallbackScrapeProtocol", "jobLabel", "keepDroppedTargets", "labelLimit",
            "labelNameLengthLimit", "labelValueLengthLimit", "namespaceSelector", "nativeHistogramBucketLimit",
            "nativeHistogramMinBucketFactor", "podTargetLabels", "sampleLimit", "scrapeClass",
            "scrapeClassicHistograms", "scrapeProtocols", "selector", "selectorMechanism", "serviceDiscoveryRole",
            "targetLabels", "targetLimit");

    /** Fields of one ServiceMonitor endpoint. */
    private static final Set<String> ENDPOINT_FIELDS = Set.of("authorization", "basicAuth", "bearerTokenFile",
            "bearerTokenSecret", "enableHttp2", "filterRunning", "followRedirects", "honorLabels",
            "honorTimestamps", "interval", "metricRelabelings", "noProxy", "oauth2", "params", "path", "port",
            "proxyConnectHeader", "proxyFromEnvironment", "proxyUrl", "relabelings", "scheme", "scrapeTimeout",
            "targetPort", "tlsConfig", "trackTimestampsStaleness");

    private static final Set<String> RULE_FIELDS = Set.of("alert", "record", "expr", "for", "keep_firing_for",
            "labels", "annotations");

    /** A Prometheus duration: 30s, 5m, 1h30m, ... */
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Manifests.Parsed parsed;
    private final Set<String> runbookAnchors;
    private final List<String> violations = new ArrayList<>();

    private MonitoringPolicy(Manifests.Parsed parsed, Set<String> runbookAnchors) {
        this.parsed = parsed;
        this.runbookAnchors = runbookAnchors;
    }

    /**
     * Every violation of the monitoring rules. {@code openPaths} are the namespace's open network paths (from
     * {@link NetworkPaths}); {@code runbookAnchors} the headings of docs/operations.md as link anchors.
     */
    static List<String> check(Manifests.Parsed parsed, List<NetworkPaths.Path> openPaths, Set<String> runbookAnchors) {
        MonitoringPolicy policy = new MonitoringPolicy(parsed, runbookAnchors);
        Set<String> scraped = policy.checkServiceMonitors(openPaths);
        policy.checkEveryServiceScraped(scraped);
        policy.checkRules();
        policy.checkDashboards();
        return policy.violations;
    }

    /** Whether this namespace carries the monitoring resources at all (the component is optional in dev). */
    static boolean present(Manifests.Parsed parsed) {
        return !parsed.ofKind(SERVICE_MONITOR).isEmpty() || !parsed.ofKind(PROMETHEUS_RULE).isEmpty();
    }

    /** The anchors GitHub gives the headings of a Markdown document (lower case, punctuation out, "-" for " "). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    /** The anchors of docs/operations.md in this repository. */
    static Set<String> operationsAnchors(Path repositoryRoot) {
        try {
            return anchors(Files.readString(repositoryRoot.resolve("docs/operations.md")));
        } catch (IOException e) {
            throw new UncheckedIOException("docs/operations.md is where the runbooks live", e);
        }
    }

    // -------------------------------------------------------------------------------------------- ServiceMonitors

    /** Checks each ServiceMonitor; returns the app names ({@code app.kubernetes.io/name}) of the Services scraped. */
    private Set<String> checkServiceMonitors(List<NetworkPaths.Path> openPaths) {
        Set<String> scraped = new LinkedHashSet<>();
        for (Manifests.Doc doc : parsed.ofKind(SERVICE_MONITOR)) {
            JsonNode spec = doc.tree().path("spec");
            unknownFields(doc.id() + ": spec", spec, SERVICE_MONITOR_FIELDS);
            if (!spec.path("namespaceSelector").isMissingNode()) {
                violations.add(doc.id() + ": namespaceSelector reaches outside its own namespace");
            }
            Map<String, String> selector = new TreeMap<>();
            spec.path("selector").path("matchLabels").fields()
                    .forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
            List<Service> selected = parsed.ofKind("Service").stream().map(d -> d.as(Service.class))
                    .filter(s -> !selector.isEmpty() && s.getMetadata().getLabels() != null
                            && s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                violations.add(doc.id() + ": selects no Service (selector " + selector + ")");
                continue;
            }
            if (!spec.path("endpoints").isArray() || spec.path("endpoints").isEmpty()) {
                violations.add(doc.id() + ": no endpoints");
            }
            for (JsonNode endpoint : spec.path("endpoints")) {
                unknownFields(doc.id() + ": endpoint", endpoint, ENDPOINT_FIELDS);
                checkEndpoint(doc, endpoint, selected, openPaths, scraped);
            }
        }
        return scraped;
    }

    private void checkEndpoint(Manifests.Doc doc, JsonNode endpoint, List<Service> selected,
            List<NetworkPaths.Path> openPaths, Set<String> scraped) {
        String portName = endpoint.path("port").asText("");
        if (!"/q/metrics".equals(endpoint.path("path").asText())) {
            violations.add(doc.id() + ": path is " + endpoint.path("path").asText("(none)")
                    + ", the services export at /q/metrics");
        }
        for (Service service : selected) {
            String id = doc.id() + " -> Service/" + service.getMetadata().getName();
            ServicePort port = service.getSpec().getPorts().stream().filter(p -> portName.equals(p.getName()))
                    .findFirst().orElse(null);
            if (port == null) {
                violations.add(id + ": port \"" + portName + "\" is no named port of the Service");
                continue;
            }
            String app = service.getSpec().getSelector() == null ? ""
                    : service.getSpec().getSelector().getOrDefault(ManifestPolicy.NAME, "");
            scraped.add(app);
            boolean reachable = openPaths.stream().anyMatch(p -> p.to() != null && p.fromExternal() != null
                    && app.equals(p.to().label(ManifestPolicy.NAME))
                    && ManifestPolicy.PROMETHEUS_SCRAPE.equals(ManifestPolicy.reason(p)));
            if (!reachable) {
                violations.add(id + ": no NetworkPolicy lets Prometheus reach " + app + " on its HTTP port");
            }
        }
    }

    /** Once there is monitoring at all, the gateway, each service and the console are scraped. */
    private void checkEveryServiceScraped(Set<String> scraped) {
        if (!present(parsed)) {
            return;
        }
        Set<String> apps = new LinkedHashSet<>();
        apps.add("gateway");
        apps.addAll(ManifestPolicy.SERVICE_PORTS.keySet());
        apps.add(ManifestPolicy.CONSOLE);
        for (String app : apps) {
            boolean deployed = parsed.ofKind("Deployment").stream().anyMatch(d -> d.name().equals(app));
            if (deployed && !scraped.contains(app)) {
                violations.add("Deployment/" + app + ": no ServiceMonitor scrapes it");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- rules

    private void checkRules() {
        for (Manifests.Doc doc : parsed.ofKind(PROMETHEUS_RULE)) {
            JsonNode groups = doc.tree().path("spec").path("groups");
            if (!groups.isArray() || groups.isEmpty()) {
                violations.add(doc.id() + ": no rule groups");
            }
            Set<String> groupNames = new LinkedHashSet<>();
            for (JsonNode group : groups) {
                String name = group.path("name").asText("");
                if (name.isEmpty() || !groupNames.add(name)) {
                    violations.add(doc.id() + ": a group without a name, or a name used twice (" + name + ")");
                }
                if (!group.path("rules").isArray() || group.path("rules").isEmpty()) {
                    violations.add(doc.id() + " group " + name + ": no rules");
                }
                for (JsonNode rule : group.path("rules")) {
                    checkRule(doc.id() + " group " + name, rule);
                }
            }
        }
    }

    private void checkRule(String where, JsonNode rule) {
        boolean alert = rule.has("alert");
        String name = alert ? rule.path("alert").asText() : rule.path("record").asText("");
        String id = where + (alert ? " alert " : " record ") + name;
        unknownFields(id, rule, RULE_FIELDS);
        if (alert == rule.has("record")) {
            violations.add(id + ": a rule is exactly one of alert and record");
        }
        if (rule.path("expr").asText("").isBlank()) {
            violations.add(id + ": no expr");
        }
        if (!alert) {
            if (!METRIC_NAME.matcher(name).matches()) {
                violations.add(id + ": not a valid metric name to record");
            }
            return;
        }
        String forValue = rule.path("for").asText("");
        if (!DURATION.matcher(forValue).matches()) {
            violations.add(id + ": no for: (or not a duration: \"" + forValue + "\"), one bad scrape would page");
        }
        String severity = rule.path("labels").path("severity").asText("");
        if (!SEVERITIES.contains(severity)) {
            violations.add(id + ": severity label is \"" + severity + "\", not one of " + SEVERITIES);
        }
        if (rule.path("annotations").path("summary").asText("").isBlank()) {
            violations.add(id + ": no summary annotation");
        }
        String runbook = rule.path("annotations").path("runbook_url").asText("");
        int hash = runbook.indexOf('#');
        if (!runbook.matches("https?://[^#\\s]+#.+")) {
            violations.add(id + ": runbook_url \"" + runbook + "\" is not an absolute link to a runbook anchor");
        } else if (!runbookAnchors.contains(runbook.substring(hash + 1))) {
            violations.add(id + ": runbook anchor #" + runbook.substring(hash + 1)
                    + " is no heading of docs/operations.md");
        }
    }

    // ----------------------------------------------------------------------------------------------- dashboards

    private void checkDashboards() {
        for (Manifests.Doc doc : parsed.ofKind("ConfigMap")) {
            ConfigMap map = doc.as(ConfigMap.class);
            Map<String, String> labels = map.getMetadata().getLabels();
            if (labels == null || !labels.containsKey(DASHBOARD_LABEL)) {
                continue;
            }
            if (!"1".equals(labels.get(DASHBOARD_LABEL))) {
                violations.add(doc.id() + ": label " + DASHBOARD_LABEL + " must be \"1\" for the Grafana sidecar");
            }
            if (map.getData() == null || map.getData().isEmpty()) {
                violations.add(doc.id() + ": no dashboard in it");
                continue;
            }
            map.getData().forEach((key, json) -> checkDashboard(doc.id() + " " + key, json));
        }
    }

    private void checkDashboard(String id, String json) {
        JsonNode dashboard;
        try {
            dashboard = JSON.readTree(json);
        } catch (IOException e) {
            violations.add(id + ": not valid JSON");
            return;
        }
        if (dashboard.path("title").asText("").isBlank() || dashboard.path("uid").asText("").isBlank()) {
            violations.add(id + ": a dashboard needs a title and a fixed uid (links to it survive re-imports)");
        }
        if (!dashboard.path("panels").isArray() || dashboard.path("panels").isEmpty()) {
            violations.add(id + ": no panels");
        }
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            boolean queries = false;
            for (JsonNode target : panel.path("targets")) {
                queries |= !target.path("expr").asText("").isBlank();
            }
            if (!queries) {
                violations.add(id + ": panel \"" + panel.path("title").asText() + "\" queries nothing");
            }
        }
    }

    private void unknownFields(String where, JsonNode node, Set<String> known) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                violations.add(where + ": unknown field " + field);
            }
        });
    }
}
