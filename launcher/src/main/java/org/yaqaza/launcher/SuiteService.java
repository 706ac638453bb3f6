package org.yaqaza.launcher;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The services of the local suite, in start order: the gateway, the three domain services (the name is also the
 * database name) and the console (no database of its own: it reads and writes through the gateway).
 */
public enum SuiteService {
    GATEWAY("gateway", 8080),
    INTELLIGENCE("intelligence-service", 8081),
    LIAISON("liaison-service", 8082),
    PREVENTION("prevention-service", 8083),
    CONSOLE("console", 8084);

    private final String module;
    private final int defaultPort;

    SuiteService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** Short name: database name, log file name, upstream name in the gateway, and the env var segment. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maven module directory under the repository root. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The Quarkus fast-jar launcher that {@code mvn package} produces. */
    public Path runJar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public boolean isDomainService() {
        return this != GATEWAY && this != CONSOLE;
    }

    /** Every service but the console keeps its data in a database of its own. */
    public boolean hasDatabase() {
        return this != CONSOLE;
    }
}
