package org.yaqaza.systemtest.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yaqaza.launcher.EmbeddedDatabase;

/**
 * A fingerprint of every table of every service database, read as the PostgreSQL superuser: row count and an
 * md5 over the rows' text, so that an insert, an update or a delete anywhere shows.
 */
final class DatabaseSnapshot {

    static final List<String> DATABASES = List.of("gateway", "intelligence", "liaison", "prevention");

    private DatabaseSnapshot() {
    }

    /** table ("database.table") → "count:md5", leaving out the given tables (same notation). */
    static Map<String, String> take(EmbeddedDatabase database, Set<String> ignored) {
        Map<String, String> snapshot = new TreeMap<>();
        for (String name : DATABASES) {
            try (Connection connection = database.superuserConnection(name);
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = "
                        + "'public' order by tablename")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    String key = name + "." + table;
                    if (ignored.contains(key)) {
                        continue;
                    }
                    try (ResultSet rs = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                            + "t::text, '|' order by t::text)), '-') from \"" + table + "\" t")) {
                        rs.next();
                        snapshot.put(key, rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("snapshot of database " + name + ": " + e.getMessage(), e);
            }
        }
        return snapshot;
    }
}
