package org.yaqaza.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;

/**
 * One suite without demo data for the classes that need a suite of their own but nothing of each other's, run one
 * after another in the order {@link org.yaqaza.systemtest.security.SecuritySuiteOrder} sets:
 * DifferentialNoLeakIT (first, on the fresh suite: its answers must move only with its own records),
 * FaultToleranceIT (kills and restarts services, writes only partners), ConsoleLiaisonEscalationBrowserIT (a FLASH
 * warning past its deadline; the shared suite keeps the production 10 minutes, which ScenariosIT asserts) and
 * BackboneIT (last: it stops the suite and checks that nothing remains). Its liaison service runs the short warning
 * clock of its module tests (FLASH 20 s, the escalation job every second); the differential's settings are harmless
 * to the others (rate limits raised, retention off, screening's neighbour cache 2 s, the bootstrap administrator
 * holding the differential's compartment). A suite start costs about half a minute on the shared machine, so one
 * start serves four classes. Started by the first of them, stopped when BackboneIT or the last of them releases it;
 * in a run without BackboneIT and some of the others, at JVM exit.
 */
public final class ShortDeadlineSuite {

    /**
     * A need-to-know compartment only the bootstrap administrators of this suite hold (besides the demo ones), for
     * records no demo account may see (DifferentialNoLeakIT's hidden world).
     */
    public static final String HIDDEN_COMPARTMENT = "OSPREY";

    /** The classes that use it, by name: the suite stops once each has released it. */
    private static final Set<String> USERS = Set.of(
            "org.yaqaza.systemtest.security.differential.DifferentialNoLeakIT",
            "org.yaqaza.systemtest.faults.FaultToleranceIT",
            "org.yaqaza.systemtest.console.ConsoleLiaisonEscalationBrowserIT", BackboneIT.class.getName());

    private static final Set<String> released = new HashSet<>();
    private static LocalSuite suite;
    private static Path data;

    private ShortDeadlineSuite() {
    }

    /** The running suite, started on the first call. */
    public static synchronized LocalSuite acquire(Class<?> user) {
        if (!USERS.contains(user.getName())) {
            throw new IllegalArgumentException(user.getName() + " is not a user of this suite (USERS)");
        }
        if (suite == null) {
            if (released.containsAll(USERS) || released.contains(BackboneIT.class.getName())) {
                throw new IllegalStateException("the short-deadline suite was already stopped");
            }
            Path root = Path.of(System.getProperty("yaqaza.repository-root", "..")).toAbsolutePath().normalize();
            try {
                data = Files.createTempDirectory("yaqaza-st-short-deadline");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // stopped at JVM exit by the launcher's own hook when not every user ran (e.g. -Dit.test=one of them)
            SuiteOptions.Builder options = SuiteSettings.common(SuiteOptions.builder(root)).dataDirectory(data)
                    .freePorts()
                    .readyTimeout(Duration.ofMinutes(6)).demoSeed(false)
                    .environment(SuiteService.LIAISON, "YAQAZA_LIAISON_WARNINGS_FLASH", "20s")
                    .environment(SuiteService.LIAISON, "YAQAZA_LIAISON_WARNINGS_ESCALATION_EVERY", "1s")
                    // DifferentialNoLeakIT: screening caches typo neighbours for 60 s: an adversary waits a
                    // minute, that test 3 s
                    .environment(SuiteService.INTELLIGENCE,
                            "QUARKUS_CACHE_CAFFEINE__SCREENING_NEIGHBOURS__EXPIRE_AFTER_WRITE", "2S")
                    // the administrators who create DifferentialNoLeakIT's cast must hold its hidden compartment
                    .environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_COMPARTMENTS",
                            "CT-NORTH,CT-SOUTH,CYBER," + HIDDEN_COMPARTMENT)
                    // DifferentialNoLeakIT: no background job may rewrite rows between two answers
                    .environment(SuiteService.PREVENTION, "YAQAZA_PREVENTION_RETENTION_ENABLED", "false")
                    .progress(message -> System.out.println("[suite] " + message));
            // DifferentialNoLeakIT: thousands of requests from a handful of subjects: a 429 would hide the answer
            for (String group : List.of("DEFAULT", "TAXII", "PARTNER", "TOKEN", "FAILED_LOGIN")) {
                options.environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_RATE_LIMITS_" + group + "_BURST",
                        "1000000");
                options.environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_RATE_LIMITS_" + group + "_PER_SECOND",
                        "1000000");
            }
            suite = LocalSuite.start(options.build());
        }
        return suite;
    }

    /**
     * The user is done with the suite; the last one, or BackboneIT (which runs last and checks the stop), stops it
     * and removes its database cluster. True when this call stopped the suite.
     */
    public static synchronized boolean release(Class<?> user) {
        released.add(user.getName());
        if (suite == null || !(released.containsAll(USERS) || user == BackboneIT.class)) {
            return false;
        }
        suite.stop();
        // the cluster is tens of MB per run; the service logs stay for a failed run's diagnosis
        Path cluster = suite.options().postgresDirectory();
        if (Files.isDirectory(cluster)) {
            try (Stream<Path> paths = Files.walk(cluster)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a leftover temporary directory is not worth failing the run for
            }
        }
        suite = null;
        return true;
    }
}
