package org.yaqaza.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The deployment rules of issue 5, applied to one rendered overlay (one namespace). {@link #check} returns every
 * violation as a sentence naming the resource; an empty list means the overlay may be deployed.
 */
final class ManifestPolicy {

    enum Profile { DEV, PROD }

    static final String NAME = "app.kubernetes.io/name";
    static final String CNPG_CLUSTER = "cnpg.io/cluster";

    /** The three services behind the gateway and their HTTP ports. */
    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "intelligence-service", 8081, "liaison-service", 8082, "prevention-service", 8083);
    static final int GATEWAY_PORT = 8080;
    /** The officers' console: reached only from the gateway, and calls only the gateway (docs/console.md). */
    static final String CONSOLE = "console";
    static final int CONSOLE_PORT = 8084;
    /** OTLP/gRPC, the port of QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT in the prod overlay. */
    static final int OTLP_PORT = 4317;

    /** Why Prometheus may reach a service: it scrapes /q/metrics on the HTTP port (k8s/components/monitoring). */
    static final String PROMETHEUS_SCRAPE = "Prometheus -> /q/metrics";

    /** The label a database pod carries for the application whose database it serves. */
    static final Map<String, String> DATABASE_LABEL = Map.of(
            "gateway", "db.yaqaza.org/gateway",
            "intelligence-service", "db.yaqaza.org/intelligence",
            "liaison-service", "db.yaqaza.org/liaison",
            "prevention-service", "db.yaqaza.org/prevention");

    /** Names of settings that hold secrets: such values never appear literally in a manifest. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|credential|private|_key|token)$");

    /**
     * The top-level fields of a CloudNativePG {@code Cluster} spec (postgresql.cnpg.io/v1, operator 1.25-1.27): the
     * fabric8 model has no type for it, so this list catches a misspelt field the operator would ignore.
     */
    private static final Set<String> CNPG_CLUSTER_FIELDS = Set.of("affinity", "backup", "bootstrap", "certificates",
            "description", "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource",
            "ephemeralVolumesSizeLimit", "externalClusters", "failoverDelay", "imageCatalogRef", "imageName",
            "imagePullPolicy", "imagePullSecrets", "inheritedMetadata", "instances", "livenessProbeTimeout",
            "logLevel", "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow",
            "plugins", "podSecurityContext", "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod",
            "primaryUpdateStrategy", "priorityClassName", "probes", "projectedVolumeTemplate", "replica",
            "replicationSlots", "resources", "schedulerName", "seccompProfile", "securityContext",
            "serviceAccountTemplate", "smartShutdownTimeout", "startDelay", "stopDelay", "storage",
            "superuserSecret", "switchoverDelay", "tablespaces", "topologySpreadConstraints", "walStorage");

    /** A pod-creating resource: its pod template and declared replicas. */
    record Workload(String id, String kind, String name, PodTemplateSpec template, Integer replicas) {
        boolean batch() {
            return kind.equals("Job") || kind.equals("CronJob");
        }
    }

    private final Manifests.Parsed parsed;
    private final Profile profile;
    private final List<String> violations = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private List<NetworkPaths.Path> openPaths = List.of();

    private ManifestPolicy(Manifests.Parsed parsed, Profile profile) {
        this.parsed = parsed;
        this.profile = profile;
    }

    static List<String> check(String yaml, Profile profile) {
        return run(Manifests.parse(yaml), profile).violations;
    }

    static ManifestPolicy run(Manifests.Parsed parsed, Profile profile) {
        ManifestPolicy policy = new ManifestPolicy(parsed, profile);
        policy.violations.addAll(parsed.errors());
        policy.collectWorkloads();
        policy.checkWorkloads();
        policy.checkServices();
        policy.checkSecrets();
        policy.checkDisruptionBudgets();
        policy.checkIngresses();
        policy.checkIssuers();
        policy.checkConsole();
        policy.checkNetwork();
        policy.violations.addAll(MonitoringPolicy.check(parsed, policy.openPaths, RunbookAnchors.OPERATIONS));
        if (profile == Profile.PROD) {
            policy.checkProduction();
        }
        return policy;
    }

    List<String> violations() {
        return violations;
    }

    List<Workload> workloads() {
        return workloads;
    }

    List<NetworkPaths.Path> openPaths() {
        return openPaths;
    }

    // ---------------------------------------------------------------------------------------------- workloads

    private void collectWorkloads() {
        for (Manifests.Doc doc : parsed.docs()) {
            switch (doc.kind()) {
                case "Deployment" -> {
                    Deployment d = doc.as(Deployment.class);
                    workloads.add(new Workload(doc.id(), doc.kind(), doc.name(), d.getSpec().getTemplate(),
                            d.getSpec().getReplicas()));
                }
                case "StatefulSet" -> {
                    StatefulSet s = doc.as(StatefulSet.class);
                    workloads.add(new Workload(doc.id(), doc.kind(), doc.name(), s.getSpec().getTemplate(),
                            s.getSpec().getReplicas()));
                }
                case "DaemonSet" -> workloads.add(new Workload(doc.id(), doc.kind(), doc.name(),
                        doc.as(DaemonSet.class).getSpec().getTemplate(), null));
                case "Job" -> workloads.add(new Workload(doc.id(), doc.kind(), doc.name(),
                        doc.as(Job.class).getSpec().getTemplate(), null));
                case "CronJob" -> workloads.add(new Workload(doc.id(), doc.kind(), doc.name(),
                        doc.as(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate(), null));
                case "Pod" -> {
                    Pod pod = doc.as(Pod.class);
                    workloads.add(new Workload(doc.id(), doc.kind(), doc.name(),
                            new PodTemplateSpec(pod.getMetadata(), pod.getSpec()), 1));
                }
                default -> {
                }
            }
        }
    }

    private void checkWorkloads() {
        for (Workload w : workloads) {
            if (w.template() == null || w.template().getSpec() == null) {
                violations.add(w.id() + ": no pod template");
                continue;
            }
            PodSpec pod = w.template().getSpec();
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                violations.add(w.id() + ": automountServiceAccountToken must be false (no pod needs the API)");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                violations.add(w.id() + ": uses a host namespace (hostNetwork/hostPID/hostIPC)");
            }
            for (Volume volume : pod.getVolumes()) {
                if (volume.getHostPath() != null) {
                    violations.add(w.id() + ": mounts a hostPath volume " + volume.getName());
                }
            }
            if (pod.getContainers().isEmpty()) {
                violations.add(w.id() + ": no container");
            }
            for (Container c : pod.getContainers()) {
                checkContainer(w, pod, c, !w.batch());
            }
            for (Container c : pod.getInitContainers()) {
                checkContainer(w, pod, c, false);
            }
        }
    }

    private void checkContainer(Workload w, PodSpec pod, Container c, boolean needsProbes) {
        String id = w.id() + " container " + c.getName();
        ResourceRequirements resources = c.getResources();
        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> values = resources == null ? null
                    : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
            for (String resource : List.of("cpu", "memory")) {
                if (values == null || values.get(resource) == null) {
                    violations.add(id + ": no " + resource + " " + kind);
                }
            }
        }
        if (needsProbes) {
            if (c.getLivenessProbe() == null) {
                violations.add(id + ": no liveness probe");
            }
            if (c.getReadinessProbe() == null) {
                violations.add(id + ": no readiness probe");
            }
        }
        SecurityContext sc = c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
        PodSecurityContext psc = pod.getSecurityContext() == null ? new PodSecurityContext() : pod.getSecurityContext();
        Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : psc.getRunAsUser();
        Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : psc.getRunAsNonRoot();
        if (user == null) {
            violations.add(id + ": no fixed runAsUser");
        } else if (user == 0L) {
            violations.add(id + ": runs as root (runAsUser 0)");
        }
        if (!Boolean.TRUE.equals(nonRoot)) {
            violations.add(id + ": runAsNonRoot is not true (may run as root)");
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            violations.add(id + ": writable root filesystem (readOnlyRootFilesystem is not true)");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            violations.add(id + ": privilege escalation allowed (allowPrivilegeEscalation is not false)");
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            violations.add(id + ": privileged");
        }
        Capabilities caps = sc.getCapabilities();
        if (caps == null || !caps.getDrop().contains("ALL")) {
            violations.add(id + ": capabilities not dropped (drop: [ALL] missing)");
        }
        if (caps != null && !caps.getAdd().isEmpty()) {
            violations.add(id + ": adds capabilities " + caps.getAdd());
        }
        SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : psc.getSeccompProfile();
        if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
            violations.add(id + ": seccompProfile is not RuntimeDefault");
        }
        checkImage(id, c.getImage());
        for (EnvVar env : c.getEnv()) {
            if (env.getValue() != null && !env.getValue().isEmpty() && SECRET_NAME.matcher(env.getName()).matches()) {
                violations.add(id + ": secret-looking env " + env.getName() + " has a literal value"
                        + " (use secretKeyRef)");
            }
        }
    }

    private void checkImage(String id, String image) {
        if (image == null || image.isBlank()) {
            violations.add(id + ": no image");
            return;
        }
        boolean digest = image.contains("@sha256:");
        String withoutDigest = digest ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
        if (tag == null && !digest) {
            violations.add(id + ": image " + image + " has no tag or digest (means latest)");
        } else if ("latest".equalsIgnoreCase(tag)) {
            violations.add(id + ": image " + image + " uses the latest tag");
        } else if (profile == Profile.PROD && !digest && tag.endsWith("SNAPSHOT")) {
            violations.add(id + ": image " + image + " is a moving SNAPSHOT tag (prod needs a fixed tag or digest)");
        }
    }

    // ----------------------------------------------------------------------------------------------- services

    private void checkServices() {
        for (Manifests.Doc doc : parsed.ofKind("Service")) {
            Service service = doc.as(Service.class);
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                violations.add(doc.id() + ": no selector");
                continue;
            }
            List<Workload> selected = workloads.stream()
                    .filter(w -> labels(w).entrySet().containsAll(selector.entrySet())).toList();
            if (selected.isEmpty()) {
                violations.add(doc.id() + ": selects no pod (selector " + new TreeMap<>(selector) + ")");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                boolean found = selected.stream().flatMap(w -> containerPorts(w).stream()).anyMatch(p ->
                        target.getIntVal() != null ? Objects.equals(p.getContainerPort(), target.getIntVal())
                                : Objects.equals(p.getName(), target.getStrVal()));
                if (!found) {
                    violations.add(doc.id() + ": targetPort " + (target.getIntVal() != null ? target.getIntVal()
                            : target.getStrVal()) + " is no port of the selected pods");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ secrets

    private void checkSecrets() {
        for (Manifests.Doc doc : parsed.ofKind("Secret")) {
            Secret secret = doc.as(Secret.class);
            boolean literal = (secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null && !secret.getStringData().isEmpty());
            if (literal) {
                violations.add(doc.id() + ": holds a literal value (Secrets are created out of band, referenced by"
                        + " name only)");
            }
        }
        for (Manifests.Doc doc : parsed.ofKind("ConfigMap")) {
            ConfigMap map = doc.as(ConfigMap.class);
            if (map.getData() != null) {
                for (String key : map.getData().keySet()) {
                    if (SECRET_NAME.matcher(key).matches()) {
                        violations.add(doc.id() + ": secret-looking key " + key + " in a ConfigMap");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------- disruption budgets

    private void checkDisruptionBudgets() {
        for (Manifests.Doc doc : parsed.ofKind("PodDisruptionBudget")) {
            PodDisruptionBudget pdb = doc.as(PodDisruptionBudget.class);
            List<Workload> selected = workloads.stream()
                    .filter(w -> NetworkPaths.matches(pdb.getSpec().getSelector(), labels(w))).toList();
            if (selected.isEmpty() || isEmpty(pdb.getSpec().getSelector())) {
                violations.add(doc.id() + ": selects no workload");
                continue;
            }
            IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            if (maxUnavailable != null && (Integer.valueOf(0).equals(maxUnavailable.getIntVal())
                    || "0%".equals(maxUnavailable.getStrVal()))) {
                violations.add(doc.id() + ": maxUnavailable 0 blocks every voluntary disruption");
            }
            if (minAvailable != null) {
                int replicas = selected.stream().mapToInt(this::minimumReplicas).sum();
                if ("100%".equals(minAvailable.getStrVal())
                        || (minAvailable.getIntVal() != null && minAvailable.getIntVal() >= replicas)) {
                    violations.add(doc.id() + ": minAvailable " + (minAvailable.getIntVal() != null
                            ? minAvailable.getIntVal() : minAvailable.getStrVal()) + " with " + replicas
                            + " replica(s) blocks every voluntary disruption");
                }
            }
        }
    }

    /** The fewest pods a workload may run: its replicas, or its HPA's minReplicas when one scales it. */
    private int minimumReplicas(Workload w) {
        int replicas = w.replicas() == null ? 1 : w.replicas();
        Optional<HorizontalPodAutoscaler> hpa = hpaFor(w);
        if (hpa.isPresent()) {
            Integer min = hpa.get().getSpec().getMinReplicas();
            replicas = Math.min(replicas, min == null ? 1 : min);
        }
        return replicas;
    }

    private Optional<HorizontalPodAutoscaler> hpaFor(Workload w) {
        return parsed.ofKind("HorizontalPodAutoscaler").stream()
                .map(d -> d.as(HorizontalPodAutoscaler.class))
                .filter(h -> h.getSpec().getScaleTargetRef() != null
                        && w.kind().equals(h.getSpec().getScaleTargetRef().getKind())
                        && w.name().equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    // ---------------------------------------------------------------------------------------------- ingresses

    private void checkIngresses() {
        for (Manifests.Doc doc : parsed.ofKind("Ingress")) {
            Ingress ingress = doc.as(Ingress.class);
            Set<String> tlsHosts = new LinkedHashSet<>();
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                if (tls.getSecretName() == null || tls.getSecretName().isBlank()) {
                    violations.add(doc.id() + ": TLS entry without a secretName");
                }
                tlsHosts.addAll(tls.getHosts());
            }
            if (ingress.getSpec().getDefaultBackend() != null) {
                violations.add(doc.id() + ": has a default backend (only explicit gateway routes are exposed)");
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost() == null || !tlsHosts.contains(rule.getHost())) {
                    violations.add(doc.id() + ": host " + rule.getHost() + " is served without TLS");
                }
                if (rule.getHttp() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String backend = path.getBackend().getService() == null ? "(not a Service)"
                            : path.getBackend().getService().getName();
                    if (!"gateway".equals(backend)) {
                        violations.add(doc.id() + ": path " + path.getPath() + " exposes " + backend
                                + " (only the gateway may be exposed)");
                    }
                }
            }
        }
    }

    /** Every service must accept exactly the tokens the gateway issues. */
    private void checkIssuers() {
        Map<String, String> data = new HashMap<>();
        for (Manifests.Doc doc : parsed.ofKind("ConfigMap")) {
            Map<String, String> values = doc.as(ConfigMap.class).getData();
            if (values != null) {
                values.forEach((k, v) -> data.put(doc.name() + "/" + k, v));
            }
        }
        String issuer = data.get("gateway-config/YAQAZA_GATEWAY_TOKEN_ISSUER");
        if (issuer == null) {
            return;
        }
        data.forEach((key, value) -> {
            if (key.endsWith("/YAQAZA_SECURITY_ISSUERS_BUILTIN_ISSUER") && !issuer.equals(value)) {
                violations.add("ConfigMap/" + key + " is " + value + " but the gateway issues tokens as " + issuer);
            }
        });
    }

    /**
     * The console, when deployed: its session key from a Secret (never a literal), the browser sent to sign in and
     * out on the gateway's public address (the issuer), the gateway forwarding /console to the console's Service,
     * and the health probes on /q/health/* of its HTTP port.
     */
    private void checkConsole() {
        Optional<Workload> console = workloads.stream()
                .filter(w -> w.kind().equals("Deployment") && w.name().equals(CONSOLE)).findFirst();
        if (console.isEmpty()) {
            return;
        }
        String id = console.get().id();
        Container container = console.get().template().getSpec().getContainers().stream().findFirst().orElse(null);
        if (container == null) {
            return;
        }
        boolean sessionFromSecret = container.getEnv().stream().anyMatch(e -> e.getName().equals(
                "YAQAZA_CONSOLE_SESSION_SECRET") && e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null);
        if (!sessionFromSecret) {
            violations.add(id + ": YAQAZA_CONSOLE_SESSION_SECRET does not come from a Secret (secretKeyRef)");
        }
        checkProbe(id, "liveness", container.getLivenessProbe(), "/q/health/live");
        checkProbe(id, "readiness", container.getReadinessProbe(), "/q/health/ready");
        checkProbe(id, "startup", container.getStartupProbe(), "/q/health/started");
        Map<String, String> data = new HashMap<>();
        for (Manifests.Doc doc : parsed.ofKind("ConfigMap")) {
            Map<String, String> values = doc.as(ConfigMap.class).getData();
            if (values != null) {
                values.forEach((k, v) -> data.put(doc.name() + "/" + k, v));
            }
        }
        String issuer = data.get("gateway-config/YAQAZA_GATEWAY_TOKEN_ISSUER");
        for (String endpoint : List.of("QUARKUS_OIDC_AUTHORIZATION_PATH", "QUARKUS_OIDC_END_SESSION_PATH")) {
            String value = data.get("console-config/" + endpoint);
            if (value == null || issuer == null || !value.startsWith(issuer + "/auth/")) {
                violations.add("ConfigMap/console-config/" + endpoint + " is " + value + ": browsers must be sent to"
                        + " the gateway's public address " + issuer);
            }
        }
        String consoleUrl = data.get("gateway-config/YAQAZA_GATEWAY_CONSOLE_URL");
        boolean service = parsed.ofKind("Service").stream().anyMatch(d -> d.name().equals(CONSOLE));
        if (!("http://" + CONSOLE).equals(consoleUrl) || !service) {
            violations.add("ConfigMap/gateway-config/YAQAZA_GATEWAY_CONSOLE_URL is " + consoleUrl
                    + ": the gateway must forward /console to the Service " + CONSOLE
                    + (service ? "" : " (which does not exist)"));
        }
    }

    private void checkProbe(String id, String kind, io.fabric8.kubernetes.api.model.Probe probe, String path) {
        boolean ok = probe != null && probe.getHttpGet() != null && path.equals(probe.getHttpGet().getPath())
                && probe.getHttpGet().getPort() != null
                && Integer.valueOf(CONSOLE_PORT).equals(probe.getHttpGet().getPort().getIntVal());
        if (!ok) {
            violations.add(id + ": no " + kind + " probe on " + path + " port " + CONSOLE_PORT);
        }
    }

    // ------------------------------------------------------------------------------------------------ network

    private void checkNetwork() {
        List<NetworkPolicy> policies = parsed.ofKind("NetworkPolicy").stream()
                .map(d -> d.as(NetworkPolicy.class)).toList();
        List<NetworkPaths.PodInfo> pods = pods();
        NetworkPaths network = new NetworkPaths(policies, pods);
        if (!network.hasDefaultDenyAll()) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        violations.addAll(network.uncovered());
        Map<String, NetworkPaths.Path> unique = new LinkedHashMap<>();
        for (NetworkPaths.Path path : network.paths()) {
            unique.putIfAbsent(path.toString(), path);
        }
        violations.addAll(network.problems);
        openPaths = List.copyOf(unique.values());
        for (NetworkPaths.Path path : openPaths) {
            if (reason(path) == null) {
                violations.add("NetworkPolicy gap: " + path + " is open but not an allowed path");
            }
        }
        checkRequiredPaths(pods);
    }

    /** Why a path may be open (issue 5's list, plus what the services and CloudNativePG cannot work without). */
    static String reason(NetworkPaths.Path p) {
        if (p.from() != null && p.to() != null) {
            String from = p.from().label(NAME);
            String to = p.to().label(NAME);
            if (from.equals("gateway") && SERVICE_PORTS.containsKey(to)
                    && p.port().equals(tcp(SERVICE_PORTS.get(to)))) {
                return "gateway -> service";
            }
            if (from.equals("gateway") && to.equals(CONSOLE) && p.port().equals(tcp(CONSOLE_PORT))) {
                return "gateway -> console (its pages, forwarded at /console/)";
            }
            if (from.equals(CONSOLE) && to.equals("gateway") && p.port().equals(tcp(GATEWAY_PORT))) {
                return "console -> gateway (sign-in; the API as the signed-in user)";
            }
            if (from.equals("liaison-service") && to.equals("intelligence-service") && p.port().equals(tcp(8081))) {
                return "liaison -> intelligence (outbox delivery)";
            }
            if (SERVICE_PORTS.containsKey(from) && to.equals("gateway") && p.port().equals(tcp(GATEWAY_PORT))) {
                return "service -> gateway (JWKS; liaison's service token)";
            }
            if (DATABASE_LABEL.containsKey(from) && "true".equals(p.to().label(DATABASE_LABEL.get(from)))
                    && p.port().equals(tcp(5432))) {
                return "service -> its own database";
            }
            String cluster = p.from().label(CNPG_CLUSTER);
            if (!cluster.isEmpty() && cluster.equals(p.to().label(CNPG_CLUSTER))
                    && p.port().equals(tcp(5432))) {
                return "replication inside one database cluster";
            }
            return null;
        }
        if (p.fromExternal() != null) {
            NetworkPaths.External peer = p.fromExternal();
            if ("prometheus".equals(peer.podLabels().get(NAME)) && !peer.namespaceLabels().isEmpty()
                    && p.port().equals(tcp(httpPort(p.to().label(NAME))))) {
                return PROMETHEUS_SCRAPE;
            }
            if ("gateway".equals(p.to().label(NAME)) && p.port().equals(tcp(GATEWAY_PORT))
                    && peer.namespaceLabels().containsKey("kubernetes.io/metadata.name")
                    && !peer.podLabels().isEmpty()) {
                return "ingress controller -> gateway";
            }
            if (peer.isNamespace("cnpg-system") && !p.to().label(CNPG_CLUSTER).isEmpty()
                    && Set.of(tcp(8000), tcp(5432)).contains(p.port())) {
                return "CloudNativePG operator -> instance";
            }
            return null;
        }
        NetworkPaths.External peer = p.toExternal();
        String from = p.from().label(NAME);
        if ((SERVICE_PORTS.containsKey(from) || from.equals("gateway"))
                && peer.namespaceLabels().containsKey("kubernetes.io/metadata.name")
                && "opentelemetry-collector".equals(peer.podLabels().get(NAME)) && p.port().equals(tcp(OTLP_PORT))) {
            return "service -> OpenTelemetry collector (OTLP traces)";
        }
        if (peer.isNamespace("kube-system") && "kube-dns".equals(peer.podLabels().get("k8s-app"))
                && Set.of("UDP/53", "TCP/53").contains(p.port())) {
            return "DNS";
        }
        if (!p.from().label(CNPG_CLUSTER).isEmpty() && peer.cidr() != null
                && !Set.of("0.0.0.0/0", "::/0").contains(peer.cidr())
                && Set.of(tcp(443), tcp(6443)).contains(p.port())) {
            return "database instance -> API server / backup object store";
        }
        return null;
    }

    private void checkRequiredPaths(List<NetworkPaths.PodInfo> pods) {
        Set<String> open = new LinkedHashSet<>();
        for (NetworkPaths.Path p : openPaths) {
            String from = p.from() != null ? p.from().label(NAME) : "external";
            String to = p.to() != null ? p.to().label(NAME) : "external";
            open.add(from + ">" + to + ">" + p.port());
            if (p.to() != null) {
                for (Map.Entry<String, String> db : DATABASE_LABEL.entrySet()) {
                    if ("true".equals(p.to().label(db.getValue()))) {
                        open.add(from + ">db:" + db.getKey() + ">" + p.port());
                    }
                }
            }
        }
        Set<String> present = new LinkedHashSet<>();
        for (NetworkPaths.PodInfo pod : pods) {
            present.add(pod.label(NAME));
            for (Map.Entry<String, String> db : DATABASE_LABEL.entrySet()) {
                if ("true".equals(pod.label(db.getValue()))) {
                    present.add("db:" + db.getKey());
                }
            }
        }
        List<String[]> required = new ArrayList<>();
        SERVICE_PORTS.forEach((service, port) -> {
            required.add(new String[] {"gateway", service, tcp(port)});
            required.add(new String[] {service, "gateway", tcp(GATEWAY_PORT)});
        });
        required.add(new String[] {"liaison-service", "intelligence-service", tcp(8081)});
        required.add(new String[] {"gateway", CONSOLE, tcp(CONSOLE_PORT)});
        required.add(new String[] {CONSOLE, "gateway", tcp(GATEWAY_PORT)});
        DATABASE_LABEL.keySet().forEach(app -> required.add(new String[] {app, "db:" + app, tcp(5432)}));
        required.add(new String[] {"external", "gateway", tcp(GATEWAY_PORT)});
        for (String[] r : required) {
            boolean endpoints = (r[0].equals("external") || present.contains(r[0])) && present.contains(r[1]);
            if (endpoints && !open.contains(r[0] + ">" + r[1] + ">" + r[2])) {
                violations.add("required path " + r[0] + " -> " + r[1] + " " + r[2] + " is closed");
            }
        }
        for (NetworkPaths.PodInfo pod : pods) {
            boolean dns = openPaths.stream().anyMatch(p -> p.from() == pod && p.toExternal() != null
                    && "DNS".equals(reason(p)) && p.port().equals("UDP/53"));
            if (!dns) {
                violations.add("required path " + pod.id() + " -> DNS UDP/53 is closed");
            }
        }
    }

    /** The HTTP port of the gateway or a service (where /q/metrics is too); -1 for anything else. */
    private static int httpPort(String app) {
        return app.equals("gateway") ? GATEWAY_PORT : app.equals(CONSOLE) ? CONSOLE_PORT
                : SERVICE_PORTS.getOrDefault(app, -1);
    }

    /** The headings of docs/operations.md, read once: the anchors runbook links must point at. */
    private static final class RunbookAnchors {
        static final Set<String> OPERATIONS = MonitoringPolicy.operationsAnchors(Kustomize.repositoryRoot());
    }

    private static String tcp(int port) {
        return "TCP/" + port;
    }

    /** The pods of the namespace: workload templates, plus the instances CloudNativePG creates for a Cluster. */
    private List<NetworkPaths.PodInfo> pods() {
        List<NetworkPaths.PodInfo> pods = new ArrayList<>();
        for (Workload w : workloads) {
            Map<String, Integer> named = new HashMap<>();
            for (ContainerPort port : containerPorts(w)) {
                if (port.getName() != null) {
                    named.put(port.getName(), port.getContainerPort());
                }
            }
            pods.add(new NetworkPaths.PodInfo(w.id(), labels(w), named));
        }
        for (Manifests.Doc doc : parsed.ofKind("Cluster")) {
            Map<String, String> labels = new TreeMap<>();
            doc.tree().path("spec").path("inheritedMetadata").path("labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            labels.put(CNPG_CLUSTER, doc.name());
            labels.put("cnpg.io/podRole", "instance");
            pods.add(new NetworkPaths.PodInfo(doc.id() + " (instances)", labels, Map.of("postgresql", 5432)));
        }
        return pods;
    }

    // --------------------------------------------------------------------------------------------- production

    private void checkProduction() {
        List<Manifests.Doc> pdbs = parsed.ofKind("PodDisruptionBudget");
        for (Workload w : workloads) {
            if (!w.kind().equals("Deployment")) {
                continue;
            }
            if (w.replicas() == null || w.replicas() < 2) {
                violations.add(w.id() + ": " + (w.replicas() == null ? 1 : w.replicas())
                        + " replica(s); production needs at least 2");
            }
            Optional<HorizontalPodAutoscaler> hpa = hpaFor(w);
            if (hpa.isEmpty()) {
                violations.add(w.id() + ": no HorizontalPodAutoscaler");
            } else {
                Integer min = hpa.get().getSpec().getMinReplicas();
                if (min == null || min < 2) {
                    violations.add(w.id() + ": HPA minReplicas " + min + " is below 2");
                }
                boolean cpu = hpa.get().getSpec().getMetrics().stream().map(MetricSpec::getResource)
                        .anyMatch(r -> r != null && "cpu".equals(r.getName()));
                if (!cpu) {
                    violations.add(w.id() + ": the HPA does not scale on CPU");
                }
            }
            boolean budget = pdbs.stream().map(d -> d.as(PodDisruptionBudget.class))
                    .anyMatch(p -> !isEmpty(p.getSpec().getSelector())
                            && NetworkPaths.matches(p.getSpec().getSelector(), labels(w)));
            if (!budget) {
                violations.add(w.id() + ": no PodDisruptionBudget");
            }
            if (w.template().getSpec().getTopologySpreadConstraints().isEmpty()) {
                violations.add(w.id() + ": no topologySpreadConstraints");
            }
        }
        List<Manifests.Doc> clusters = parsed.ofKind("Cluster");
        if (clusters.isEmpty()) {
            violations.add("no CloudNativePG Cluster: production PostgreSQL goes through the operator");
        }
        Set<String> scheduled = new LinkedHashSet<>();
        parsed.ofKind("ScheduledBackup")
                .forEach(d -> scheduled.add(d.tree().path("spec").path("cluster").path("name").asText()));
        for (Manifests.Doc doc : clusters) {
            JsonNode spec = doc.tree().path("spec");
            spec.fieldNames().forEachRemaining(field -> {
                if (!CNPG_CLUSTER_FIELDS.contains(field)) {
                    violations.add(doc.id() + ": unknown field spec." + field);
                }
            });
            if (spec.path("instances").asInt(1) < 2) {
                violations.add(doc.id() + ": fewer than 2 instances (no failover)");
            }
            boolean objectStore = !spec.path("backup").path("barmanObjectStore").path("destinationPath").asText()
                    .isBlank();
            if (!objectStore) {
                violations.add(doc.id() + ": no backup configured (spec.backup.barmanObjectStore)");
            }
            if (!scheduled.contains(doc.name())) {
                violations.add(doc.id() + ": no ScheduledBackup");
            }
            for (String path : List.of("/bootstrap/initdb/secret/name", "/backup/barmanObjectStore/s3Credentials")) {
                if (spec.at(path).isMissingNode()) {
                    violations.add(doc.id() + ": spec" + path + " missing");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- utilities

    private static Map<String, String> labels(Workload w) {
        Map<String, String> labels = w.template() == null || w.template().getMetadata() == null ? null
                : w.template().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static List<ContainerPort> containerPorts(Workload w) {
        return w.template().getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream()).toList();
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && selector.getMatchExpressions().isEmpty());
    }
}
