package org.yaqaza.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Start-up figures of each service (used by {@code bench/startup.sh}): time from process start to the first
 * {@code 200} of {@code /q/health/ready} (polled every 20 ms) and resident memory (VmRSS) at that moment. The
 * services start one at a time so that each figure is that service's own, on free ports and in a temporary data
 * directory (so a running suite is not disturbed): a first start on empty databases (migrations, demo seed),
 * then a restart on the kept data (what a developer sees every day).
 */
public final class StartupBench {

    /** Goals in JVM mode: ready within 5 s on a first start, 3 s on a restart, under 200 MB resident. */
    private static final double GOAL_FIRST_START_SECONDS = 5.0;
    private static final double GOAL_RESTART_SECONDS = 3.0;
    private static final double GOAL_MEGABYTES = 200.0;

    /** Kept so the level set below survives (JUL holds loggers weakly). */
    private static final Logger ZONKY = Logger.getLogger("io.zonky");

    private StartupBench() {
    }

    public static void main(String[] args) throws IOException {
        ZONKY.setLevel(Level.WARNING); // PostgreSQL's own start and stop lines would bury the tables
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int restarts = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path data = Files.createTempDirectory("yaqaza-bench");
        String jvmOptions = System.getenv("YAQAZA_JVM_OPTS");
        List<String> flags = jvmOptions == null || jvmOptions.isBlank() ? SuiteOptions.LOCAL_JVM_OPTIONS
                : List.of(jvmOptions.trim().split("\\s+"));
        boolean appCds = !"false".equalsIgnoreCase(System.getenv("YAQAZA_APPCDS")); // as ./yaqaza up
        System.out.println("JVM flags: " + String.join(" ", flags) + (appCds ? " + AppCDS archive (recorded in the"
                + " first round, used in the restarts)" : ""));
        System.out.println("Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; services started one at a time");
        BenchGoals goals = new BenchGoals("startup");
        try {
            for (int round = 0; round <= restarts; round++) {
                String title = round == 0 ? "first start (empty databases: migrations + demo seed)"
                        : "restart " + round + " (data kept)";
                SuiteOptions options = SuiteOptions.builder(root).dataDirectory(data).freePorts()
                        .jvmOptions(flags).appCds(appCds).sequentialStart(true).demoDirectory(round == 0).build();
                try (LocalSuite suite = LocalSuite.start(options)) {
                    print(title, suite.startups(), round, goals);
                }
            }
        } finally {
            keepLogs(data.resolve("logs"), System.getenv("YAQAZA_STARTUP_LOGS"));
            deleteRecursively(data);
        }
        // wall times depend on what else runs on the machine: each goal line carries the load average
        System.exit(goals.finish());
    }

    /** The table of one round (0: the first start), then each figure beside its goal. */
    private static void print(String title, List<LocalSuite.Startup> startups, int round, BenchGoals goals) {
        System.out.println();
        System.out.println(title);
        System.out.printf(Locale.ROOT, "  %-22s %12s %13s %14s%n", "service", "ready after", "RSS at ready",
                "CPU until ready");
        for (LocalSuite.Startup startup : startups) {
            double seconds = startup.readyAfter().toMillis() / 1000.0;
            double megabytes = startup.residentKilobytes() / 1024.0;
            String cpu = startup.cpuUntilReady() == null ? "?"
                    : String.format(Locale.ROOT, "%.2f s", startup.cpuUntilReady().toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "  %-22s %10.2f s %10.0f MB %15s%n", startup.service().module(),
                    seconds, megabytes, cpu);
        }
        // where the CPU time went, by thread (the main thread runs Flyway, Hibernate and the start-up observers)
        for (LocalSuite.Startup startup : startups) {
            StringBuilder line = new StringBuilder("  " + startup.service().module() + " CPU by thread:");
            startup.cpuByThread().entrySet().stream().limit(6).forEach(e -> line.append(String.format(Locale.ROOT,
                    " %s %.2f s,", e.getKey(), e.getValue().toMillis() / 1000.0)));
            System.out.println(line.substring(0, line.length() - 1));
        }
        boolean firstStart = round == 0;
        String when = firstStart ? "first start" : "restart " + round;
        for (LocalSuite.Startup startup : startups) {
            String service = startup.service().module();
            goals.below(service + " ready after (" + when + ")", startup.readyAfter().toMillis() / 1000.0, "s",
                    firstStart ? GOAL_FIRST_START_SECONDS : GOAL_RESTART_SECONDS);
            // an unread RSS (0) must not pass for a small one
            double megabytes = startup.residentKilobytes() / 1024.0;
            goals.below(service + " RSS at ready (" + when + ")", megabytes > 0 ? megabytes : Double.NaN, "MB",
                    GOAL_MEGABYTES);
        }
    }

    /**
     * Copies the services' logs (all rounds, one file per service) to {@code target} when set, for their phases:
     * Flyway's time per migration, Quarkus' "started in", the start-up work logged by each service.
     */
    private static void keepLogs(Path logs, String target) throws IOException {
        if (target == null || target.isBlank() || !Files.isDirectory(logs)) {
            return;
        }
        Path directory = Files.createDirectories(Path.of(target));
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("service logs kept in " + directory);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
