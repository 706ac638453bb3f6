package org.yaqaza.common.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One field a list may be sorted by: its name on the wire, the non-null JPQL expression the query orders by and
 * how the last row's value is read and written back into a cursor. Text fields order by code point (collation
 * {@code ucs_basic}), the same on every database and equal to {@link String#compareTo} for the text we store, so
 * keyset comparisons and the order agree (see docs/console.md, "Sorting").
 */
public final class SortField<E> {

    private final String name;
    private final String path;
    private final Class<?> type;
    private final Function<E, Object> value;

    private SortField(String name, String path, Class<?> type, Function<E, Object> value) {
        this.name = Objects.requireNonNull(name);
        this.path = Objects.requireNonNull(path);
        this.type = Objects.requireNonNull(type);
        this.value = Objects.requireNonNull(value);
    }

    /**
     * A field ordered by {@code path}, a JPQL expression that is never null (coalesce a nullable column);
     * {@code value} must compute the same value in Java for the row, as it becomes the cursor's key.
     */
    @SuppressWarnings("unchecked")
    public static <E, V> SortField<E> of(String name, String path, Class<V> type, Function<E, V> value) {
        return new SortField<>(name, path, type, (Function<E, Object>) value);
    }

    /** A text field, compared by code point whatever the database's default collation. */
    public static <E> SortField<E> text(String name, String column, Function<E, String> value) {
        return new SortField<>(name, "collate(coalesce(" + column + ", '') as ucs_basic)", String.class,
                row -> Objects.requireNonNullElse(value.apply(row), ""));
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    Object valueOf(E row) {
        return value.apply(row);
    }

    /** The cursor's text form of a value of this field. */
    String format(Object v) {
        return v instanceof Enum<?> e ? e.name() : v.toString();
    }

    /** The value a cursor carries, typed for the query; a value this field cannot hold is a forged cursor. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    Object parse(String text) {
        if (type == String.class) {
            return text;
        }
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == UUID.class) {
            return UUID.fromString(text);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalStateException("unsupported sort type " + type);
    }
}
