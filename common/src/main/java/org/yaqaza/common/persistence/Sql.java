package org.yaqaza.common.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Native SQL with named parameters ({@code :name}, parsed by {@link NamedParameters}) on the current
 * transaction's connection, for the queries JPA does not express well (search, graph walks, statistics, batch
 * inserts); visibility predicates from {@code Visibility.sqlPredicate} plug straight in. The static readers
 * convert result columns, from a {@link ResultSet} or from the {@code Object[]} rows of a JPA native query.
 */
@ApplicationScoped
public class Sql {

    /** Maps one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on the raw connection of the current transaction. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final EntityManager em;

    public Sql(EntityManager em) {
        this.em = em;
    }

    public <T> List<T> query(String sql, Map<String, ?> params, RowMapper<T> mapper) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> T one(String sql, Map<String, ?> params, RowMapper<T> mapper) {
        List<T> rows = query(sql, params, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public int update(String sql, Map<String, ?> params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    public <T> T withConnection(ConnectionWork<T> work) {
        // flush pending JPA changes first so native SQL sees them
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> work.run(c));
    }

    /** Prepares {@code sql} with each {@code :name} bound from {@code params}; a missing value is a bug. */
    public static PreparedStatement prepare(Connection c, String sql, Map<String, ?> params) throws SQLException {
        NamedParameters.Parsed parsed = NamedParameters.parse(sql);
        PreparedStatement ps = c.prepareStatement(parsed.jdbcSql());
        try {
            for (int n = 0; n < parsed.names().size(); n++) {
                String name = parsed.names().get(n);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("no value for SQL parameter " + name);
                }
                bind(c, ps, n + 1, params.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else if (value instanceof Instant instant) {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof LocalDate date) {
            ps.setDate(index, Date.valueOf(date));
        } else if (value instanceof UUID[] uuids) {
            ps.setArray(index, c.createArrayOf("uuid", uuids));
        } else if (value instanceof String[] strings) {
            ps.setArray(index, c.createArrayOf("text", strings));
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else if (value instanceof java.util.Collection<?> collection) {
            Object[] items = collection.toArray();
            boolean uuids = items.length > 0 && items[0] instanceof UUID;
            ps.setArray(index, uuids ? c.createArrayOf("uuid", items)
                    : c.createArrayOf("text", Arrays.stream(items).map(String::valueOf).toArray()));
        } else {
            ps.setObject(index, value);
        }
    }

    public static UUID[] uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new UUID[0] : (UUID[]) array.getArray();
    }

    public static String[] strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** A date column of a native query row, whichever type the driver chose ({@code LocalDate}, {@code Date}). */
    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    /** A timestamptz column of a native query row, whichever type the driver chose. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }

    /** A count or sum column of a native query row; null (no rows to sum) is 0. */
    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
