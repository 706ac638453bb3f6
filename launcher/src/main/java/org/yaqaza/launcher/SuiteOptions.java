package org.yaqaza.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link LocalSuite} runs: where the built modules and the data are, which ports, which JVM flags. The
 * defaults are those of {@code ./yaqaza up}; system tests use {@link Builder#freePorts()} and a temporary data
 * directory.
 */
public final class SuiteOptions {

    public static final int DEFAULT_POSTGRES_PORT = 15432;

    /**
     * JVM flags of the local suite, chosen for start time and memory on a small machine: C1 only (no C2 warm-up
     * burning the few cores while four JVMs start), the serial collector (no GC threads, smallest footprint),
     * smaller thread stacks, and a heap that starts small and grows on demand.
     */
    public static final List<String> LOCAL_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m", "-Xmx512m",
            "-XX:MaxHeapFreeRatio=40", "-XX:MinHeapFreeRatio=10", "-XX:ReservedCodeCacheSize=64m");

    private final Path repositoryRoot;
    private final Path dataDirectory;
    private final Map<SuiteService, Integer> ports;
    private final int postgresPort;
    private final String bindAddress;
    private final List<String> jvmOptions;
    private final Duration readyTimeout;
    private final Duration stopTimeout;
    private final Duration readyPollInterval;
    private final boolean demoSeed;
    private final boolean demoDirectory;
    private final boolean sequentialStart;
    private final boolean stopOnJvmExit;
    private final boolean appCds;
    private final Map<SuiteService, Map<String, String>> extraEnvironment;
    private final Consumer<String> progress;
    private final int replicas;
    /** Ports of the second and further instance of each domain service (empty with one replica). */
    private final Map<SuiteService, List<Integer>> replicaPorts;

    private SuiteOptions(Builder b) {
        this.repositoryRoot = b.repositoryRoot.toAbsolutePath().normalize();
        this.dataDirectory = b.dataDirectory.toAbsolutePath().normalize();
        this.ports = Collections.unmodifiableMap(new EnumMap<>(b.ports));
        this.postgresPort = b.postgresPort;
        this.bindAddress = b.bindAddress;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.readyTimeout = b.readyTimeout;
        this.stopTimeout = b.stopTimeout;
        this.readyPollInterval = b.readyPollInterval;
        this.demoSeed = b.demoSeed;
        this.demoDirectory = b.demoDirectory;
        this.sequentialStart = b.sequentialStart;
        this.stopOnJvmExit = b.stopOnJvmExit;
        this.appCds = b.appCds;
        Map<SuiteService, Map<String, String>> extra = new EnumMap<>(SuiteService.class);
        b.extraEnvironment.forEach((service, env) -> extra.put(service, Map.copyOf(env)));
        this.extraEnvironment = Collections.unmodifiableMap(extra);
        this.progress = b.progress;
        this.replicas = b.replicas;
        Map<SuiteService, List<Integer>> extraPorts = new EnumMap<>(SuiteService.class);
        int further = b.replicas - 1;
        List<SuiteService> domain = Arrays.stream(SuiteService.values()).filter(SuiteService::isDomainService)
                .toList();
        if (further > 0) {
            // further instances always take free ports: the fixed ones of `./yaqaza up` are those of the first
            int[] free = Ports.freePorts(further * domain.size());
            for (int d = 0; d < domain.size(); d++) {
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < further; i++) {
                    mine.add(free[d * further + i]);
                }
                extraPorts.put(domain.get(d), List.copyOf(mine));
            }
        }
        this.replicaPorts = Collections.unmodifiableMap(extraPorts);
    }

    /** Defaults of {@code ./yaqaza up}: fixed ports, data in {@code <root>/.yaqaza}. */
    public static Builder builder(Path repositoryRoot) {
        return new Builder(repositoryRoot);
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port(SuiteService service) {
        return ports.get(service);
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public Duration stopTimeout() {
        return stopTimeout;
    }

    public Duration readyPollInterval() {
        return readyPollInterval;
    }

    public boolean demoSeed() {
        return demoSeed;
    }

    public boolean demoDirectory() {
        return demoDirectory;
    }

    public boolean sequentialStart() {
        return sequentialStart;
    }

    public boolean stopOnJvmExit() {
        return stopOnJvmExit;
    }

    public boolean appCds() {
        return appCds;
    }

    /**
     * The class-data sharing archive of a service, created at its first clean stop and used from then on. An
     * archive only fits the JVM build that wrote it (the services run on the launcher's JVM), so the name carries
     * that build: another JDK records its own instead of silently running without one.
     */
    public Path cdsArchive(SuiteService service) {
        String jvm = System.getProperty("java.vm.version", "jvm").replaceAll("[^A-Za-z0-9.+-]", "_");
        return dataDirectory.resolve("cds").resolve(service.id() + "-" + jvm + ".jsa");
    }

    public Map<String, String> extraEnvironment(SuiteService service) {
        return extraEnvironment.getOrDefault(service, Map.of());
    }

    public Consumer<String> progress() {
        return progress;
    }

    public Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    public Path secretsDirectory() {
        return dataDirectory.resolve("secrets");
    }

    public Path keyDirectory() {
        return dataDirectory.resolve("keys");
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public Path logFile(SuiteService service) {
        return logDirectory().resolve(service.id() + ".log");
    }

    public Path runDirectory() {
        return dataDirectory.resolve("run");
    }

    public String url(SuiteService service) {
        return "http://localhost:" + port(service);
    }

    /** Instances of each domain service (1: the usual suite); the gateway spreads requests over them. */
    public int replicas() {
        return replicas;
    }

    /** The ports of a service's instances, the first one's ({@link #port}) first. */
    public List<Integer> ports(SuiteService service) {
        List<Integer> all = new ArrayList<>();
        all.add(port(service));
        all.addAll(replicaPorts.getOrDefault(service, List.of()));
        return all;
    }

    /** The base URLs of a service's instances, the first one's ({@link #url}) first. */
    public List<String> urls(SuiteService service) {
        return ports(service).stream().map(port -> "http://localhost:" + port).toList();
    }

    /** The log of instance {@code index} (0 = the first, {@link #logFile(SuiteService)}) of a service. */
    public Path logFile(SuiteService service, int index) {
        return index == 0 ? logFile(service) : logDirectory().resolve(service.id() + "-" + (index + 1) + ".log");
    }

    public static final class Builder {
        private final Path repositoryRoot;
        private Path dataDirectory;
        private final Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private String bindAddress = "127.0.0.1";
        private List<String> jvmOptions = LOCAL_JVM_OPTIONS;
        private Duration readyTimeout = Duration.ofSeconds(300);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Duration readyPollInterval = Duration.ofMillis(20);
        private boolean demoSeed = true;
        private boolean demoDirectory = true;
        private boolean sequentialStart;
        private boolean stopOnJvmExit = true;
        private boolean appCds;
        private final Map<SuiteService, Map<String, String>> extraEnvironment = new EnumMap<>(SuiteService.class);
        private Consumer<String> progress = message -> { };
        private int replicas = 1;

        private Builder(Path repositoryRoot) {
            this.repositoryRoot = Objects.requireNonNull(repositoryRoot);
            this.dataDirectory = repositoryRoot.resolve(".yaqaza");
            for (SuiteService service : SuiteService.values()) {
                ports.put(service, service.defaultPort());
            }
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return this;
        }

        public Builder port(SuiteService service, int port) {
            ports.put(service, port);
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        /** Free ports for PostgreSQL and every service (system tests, benchmarks beside a running suite). */
        public Builder freePorts() {
            SuiteService[] services = SuiteService.values();
            int[] free = Ports.freePorts(services.length + 1);
            for (int i = 0; i < services.length; i++) {
                ports.put(services[i], free[i]);
            }
            postgresPort = free[services.length];
            return this;
        }

        /** Address the services listen on; loopback by default because the demo accounts have known passwords. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress);
            return this;
        }

        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = new ArrayList<>(jvmOptions);
            return this;
        }

        /** Parses a space-separated flag list as found in an environment variable. */
        public Builder jvmOptions(String spaceSeparated) {
            return jvmOptions(Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public Builder readyPollInterval(Duration interval) {
            this.readyPollInterval = interval;
            return this;
        }

        /** Whether the domain services seed their demo data ({@code YAQAZA_DEMO_SEED}). */
        public Builder demoSeed(boolean demoSeed) {
            this.demoSeed = demoSeed;
            return this;
        }

        /** Whether the demo users and clients are created in the gateway once it is ready. */
        public Builder demoDirectory(boolean demoDirectory) {
            this.demoDirectory = demoDirectory;
            return this;
        }

        /** Starts one service at a time, each alone on the machine (what the start-up benchmark measures). */
        public Builder sequentialStart(boolean sequentialStart) {
            this.sequentialStart = sequentialStart;
            return this;
        }

        /** Registers a shutdown hook that stops the suite if the JVM exits without {@link LocalSuite#stop()}. */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * Application class-data sharing: each service's first run records the classes it loaded into
         * {@code <data>/cds/<service>.jsa} when it stops; later runs map that archive instead of loading and
         * verifying the classes again (about a third less CPU until ready). Rebuilt when the service is rebuilt.
         * Off by default: writing the archives makes the first stop after a build slow (seconds on an idle
         * machine, minutes on a saturated one).
         */
        public Builder appCds(boolean appCds) {
            this.appCds = appCds;
            return this;
        }

        /** An additional environment variable for one service (overrides the launcher's own). */
        public Builder environment(SuiteService service, String name, String value) {
            extraEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /**
         * Instances of each domain service, all on the same databases (1 to 4). The further ones start once the
         * first ones are ready and have seeded the demo data, on free ports; the gateway knows them all.
         */
        public Builder replicas(int replicas) {
            if (replicas < 1 || replicas > 4) {
                throw new IllegalArgumentException("replicas must be 1 to 4: " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public SuiteOptions build() {
            return new SuiteOptions(this);
        }
    }
}
