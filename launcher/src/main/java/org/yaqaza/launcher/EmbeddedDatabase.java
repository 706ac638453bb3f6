package org.yaqaza.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 from the zonky binaries (Maven artifacts, no Docker, no system install), for the local
 * suite and the tests. One database per service, each with an owner role (runs migrations) and an app role
 * (what the service connects as, with only the rights the migrations grant).
 *
 * <p>PostgreSQL refuses to run as root; when this JVM is root (CI containers), zonky runs the binaries in a
 * user namespace ({@code unshare -U}) by itself.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 = any free port) with its data in {@code dataDirectory}; existing
     * data is kept unless {@code clean}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean) {
        return start(dataDirectory, port, clean, Map.of());
    }

    /** As {@link #start(Path, int, boolean)}, with server settings that replace the defaults (benchmarks). */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean, Map<String, String> settings) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "localhost")
                    .setLocaleConfig("locale", "C.UTF-8");
            settings.forEach(builder::setServerConfig);
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Creates (if missing) the database {@code name} owned by role {@code name_owner}, and the runtime role
     * {@code name_app}; passwords are set on every call so a restarted suite keeps working.
     */
    public ServiceDatabase ensureServiceDatabase(String name, String ownerPassword, String appPassword) {
        String owner = name + "_owner";
        String app = name + "_app";
        try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
            createOrUpdateRole(s, owner, ownerPassword);
            createOrUpdateRole(s, app, appPassword);
            boolean exists;
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create database \"" + name + "\" owner \"" + owner + "\" encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + name, e);
        }
        try (Connection c = superuserConnection(name); Statement s = c.createStatement()) {
            s.execute("revoke all on database \"" + name + "\" from public");
            s.execute("grant connect on database \"" + name + "\" to \"" + app + "\"");
            s.execute("revoke create on schema public from public");
            s.execute("alter schema public owner to \"" + owner + "\"");
            s.execute("grant usage on schema public to \"" + app + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + name, e);
        }
        return new ServiceDatabase(jdbcUrl(name), owner, ownerPassword, app, appPassword);
    }

    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
    }

    private static void createOrUpdateRole(Statement s, String role, String password) throws SQLException {
        boolean exists;
        try (var rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rs.next();
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        s.execute((exists ? "alter" : "create") + " role \"" + role + "\" with login password " + quotedPassword);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connection settings of one service's database. */
    public record ServiceDatabase(String jdbcUrl, String ownerUser, String ownerPassword, String appUser,
            String appPassword) {

        /** The Quarkus settings that point a service at this database. */
        public Map<String, String> quarkusProperties() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", jdbcUrl,
                    "quarkus.datasource.username", appUser,
                    "quarkus.datasource.password", appPassword,
                    "quarkus.flyway.username", ownerUser,
                    "quarkus.flyway.password", ownerPassword);
        }
    }
}
