package org.yaqaza.systemtest.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;
import org.yaqaza.systemtest.SuiteSettings;
import org.yaqaza.systemtest.tracing.OtlpReceiver;

/**
 * One real suite for the scenario, no-leak and metric-name classes of one test JVM: started by the first class that
 * needs it, stopped when JUnit closes its root store (after the last class). Starting four services and PostgreSQL
 * costs more than the classes' own work on the shared machine, so they share it; each class creates its own data
 * and compares figures before/after, so none depends on another having run.
 */
public final class SharedSuite implements BeforeAllCallback {

    private static volatile Gateway gateway;
    private static volatile LocalSuite suite;
    private static volatile OtlpReceiver traces;

    /** The gateway of the running suite (after the extension ran). */
    public static Gateway gateway() {
        return gateway;
    }

    /** The collector every service of the suite exports all its spans to (TracingIT). */
    public static OtlpReceiver traces() {
        return traces;
    }

    /** The running suite itself, for what the gateway does not route (each service's own /q/metrics). */
    public static LocalSuite suite() {
        return suite;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
        gateway = holder.gateway;
        suite = holder.suite;
        traces = holder.traces;
    }

    // AutoCloseable: the root store closes it once, when the whole test run ends (JUnit 5.13+)
    private static final class Holder implements AutoCloseable {
        final LocalSuite suite;
        final Gateway gateway;
        final Path data;
        final OtlpReceiver traces;

        Holder() {
            Path root = Path.of(System.getProperty("yaqaza.repository-root", "..")).toAbsolutePath().normalize();
            try {
                data = Files.createTempDirectory("yaqaza-st-scenarios");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            traces = OtlpReceiver.start();
            SuiteOptions.Builder options = SuiteSettings.common(SuiteOptions.builder(root));
            // every trace recorded and exported to the test's receiver at once (TracingIT); the default ratio is 0
            for (SuiteService service : SuiteService.values()) {
                options.environment(service, "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1")
                        .environment(service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.tracesEndpoint())
                        .environment(service, "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                        .environment(service, "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            }
            suite = LocalSuite.start(options.dataDirectory(data).freePorts()
                    .readyTimeout(Duration.ofMinutes(6)).demoSeed(false)
                    // partner intelligence reaches the intelligence-service within a second instead of five
                    .environment(SuiteService.LIAISON, "YAQAZA_LIAISON_OUTBOX_DISPATCH_EVERY", "1s")
                    // NoLeakIT's hidden world lives in KESTREL: the administrators who create its people must hold it
                    .environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_COMPARTMENTS",
                            "CT-NORTH,CT-SOUTH,CYBER,KESTREL")
                    // the gateway believes the forwarding headers of an ingress on this machine (AdvertisedUrlsIT);
                    // requests without such headers, as all the others, are unaffected
                    .environment(SuiteService.GATEWAY, "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                    .environment(SuiteService.GATEWAY, "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                    .environment(SuiteService.GATEWAY, "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true")
                    .environment(SuiteService.GATEWAY, "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1")
                    .build());
            gateway = new Gateway(suite.gatewayUrl());
        }

        /** Stops the suite and removes its data directory (about 90 MB of PostgreSQL files and logs). */
        @Override
        public void close() {
            suite.stop();
            traces.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a leftover temporary directory is not worth failing the run for
            }
        }
    }
}
