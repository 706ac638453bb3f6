package org.yaqaza.common.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaqaza.common.problem.ProblemException;

/**
 * The whitelist of fields one list route may be sorted by, and its default order. A request names a field as
 * {@code sort=name} (ascending) or {@code sort=-name} (descending); anything else is a 400 naming the allowed
 * values, so no client text ever reaches a query.
 */
public final class Sorting<E> {

    private final Map<String, SortField<E>> fields = new LinkedHashMap<>();
    private final Sort<E> byDefault;

    @SafeVarargs
    private Sorting(String byDefault, SortField<E>... fields) {
        for (SortField<E> field : fields) {
            this.fields.put(field.name(), field);
        }
        this.byDefault = parseKnown(byDefault);
    }

    /** The allowed fields; {@code byDefault} (e.g. {@code -createdAt}) is the order when none is asked for. */
    @SafeVarargs
    public static <E> Sorting<E> of(String byDefault, SortField<E>... fields) {
        return new Sorting<>(byDefault, fields);
    }

    /** The values the {@code sort} parameter accepts, ascending then descending per field. */
    public List<String> allowed() {
        return fields.keySet().stream().flatMap(f -> java.util.stream.Stream.of(f, "-" + f)).toList();
    }

    public Sort<E> defaultSort() {
        return byDefault;
    }

    /** The requested order, or the default for none; an unknown field is the client's error (400, field sort). */
    public Sort<E> parse(String value) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        Sort<E> sort = value.length() > 100 ? null : lookup(value.strip());
        if (sort == null) {
            throw ProblemException.badRequest("Invalid sort",
                    "sort must be one of: " + String.join(", ", allowed()) + ".", "sort");
        }
        return sort;
    }

    private Sort<E> parseKnown(String value) {
        Sort<E> sort = lookup(value);
        if (sort == null) {
            throw new IllegalArgumentException("default sort " + value + " is not among the fields");
        }
        return sort;
    }

    private Sort<E> lookup(String value) {
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value.startsWith("+") ? value.substring(1) : value;
        SortField<E> field = fields.get(name);
        return field == null ? null : new Sort<>(field, descending);
    }

    /** One chosen order: a field and a direction; ties are always broken by id in the same direction. */
    public record Sort<E>(SortField<E> field, boolean descending) {

        /** The wire form, e.g. {@code -deadline}. */
        public String value() {
            return (descending ? "-" : "") + field.name();
        }

        /** JPQL that keeps rows strictly after the cursor row in this order, parameters :sortKey and :sortId. */
        public String after() {
            return after("id");
        }

        /** As {@link #after()}, ties broken by the unique {@code idPath}. */
        public String after(String idPath) {
            String op = descending ? "<" : ">";
            return "(" + field.path() + " " + op + " :sortKey or (" + field.path() + " = :sortKey and " + idPath
                    + " " + op + " :sortId))";
        }

        /** The JPQL order-by list (without the keywords) for this order. */
        public String orderBy() {
            return orderBy("id");
        }

        public String orderBy(String idPath) {
            String dir = descending ? " desc" : " asc";
            return field.path() + dir + ", " + idPath + dir;
        }

        /** The cursor that continues after {@code row}, whose tie-breaking id is {@code id}. */
        public String cursorAfter(E row, Object id) {
            return new SortCursor(value(), field.format(field.valueOf(row)), id.toString()).encode();
        }

        /** The typed key a cursor carries for this order; a cursor issued for another order is a 400. */
        public Object key(SortCursor cursor) {
            if (!cursor.sort().equals(value())) {
                throw ProblemException.badRequest("Invalid cursor",
                        "The cursor belongs to another sort order (" + cursor.sort() + "); start again without it.",
                        "cursor");
            }
            try {
                return field.parse(cursor.key());
            } catch (RuntimeException e) {
                throw SortCursor.invalid();
            }
        }
    }
}
