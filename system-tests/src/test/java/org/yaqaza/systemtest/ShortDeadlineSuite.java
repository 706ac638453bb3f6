package org.yaqaza.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;

/**
 * One suite without demo data whose liaison service runs the short warning clock of its module tests (FLASH 20 s,
 * the escalation job every second), shared by the two classes that need a suite of their own but nothing of each
 * other's: FaultToleranceIT (kills and restarts services, writes only partners) and
 * ConsoleLiaisonEscalationBrowserIT (a FLASH warning past its deadline; the shared suite keeps the production
 * 10 minutes, which ScenariosIT asserts). A suite start costs about half a minute on the shared machine. Started by
 * the first of them, stopped when the last of them has finished; in a run with only one of them, at JVM exit.
 */
public final class ShortDeadlineSuite {

    /** The classes that use it, by name: the suite stops once each has released it. */
    private static final Set<String> USERS = Set.of("org.yaqaza.systemtest.faults.FaultToleranceIT",
            "org.yaqaza.systemtest.console.ConsoleLiaisonEscalationBrowserIT");

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
            if (!released.isEmpty() && released.containsAll(USERS)) {
                throw new IllegalStateException("the short-deadline suite was already stopped");
            }
            Path root = Path.of(System.getProperty("yaqaza.repository-root", "..")).toAbsolutePath().normalize();
            try {
                data = Files.createTempDirectory("yaqaza-st-short-deadline");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // stopped at JVM exit by the launcher's own hook when not every user ran (e.g. -Dit.test=one of them)
            suite = LocalSuite.start(SuiteOptions.builder(root).dataDirectory(data).freePorts()
                    .readyTimeout(Duration.ofMinutes(6)).demoSeed(false)
                    .environment(SuiteService.LIAISON, "YAQAZA_LIAISON_WARNINGS_FLASH", "20s")
                    .environment(SuiteService.LIAISON, "YAQAZA_LIAISON_WARNINGS_ESCALATION_EVERY", "1s")
                    .progress(message -> System.out.println("[suite] " + message)).build());
        }
        return suite;
    }

    /** The user is done with the suite; the last one stops it and removes its database cluster. */
    public static synchronized void release(Class<?> user) {
        released.add(user.getName());
        if (suite == null || !released.containsAll(USERS)) {
            return;
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
    }
}
