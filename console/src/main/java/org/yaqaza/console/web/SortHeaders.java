package org.yaqaza.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The sortable column headers of one list page: each header links to the same page with the filters kept, the
 * cursor dropped (a new order starts at its first page) and the order flipped when that column already sorts.
 * The API checks the field; the console only passes the {@code sort} value through.
 */
@TemplateData
public final class SortHeaders {

    private final String path;
    private final Map<String, String> filters;
    private final String current;
    private final String param;
    private final String cursorParam;
    private final String idPrefix;

    /** {@code current} is the page's {@code sort} value as asked (blank: the API's default order). */
    public SortHeaders(String path, Map<String, String> filters, String current) {
        this(path, filters, current, "sort", "cursor", "sort-");
    }

    /**
     * For a page with more than one sortable list: this list's order and cursor travel in {@code param} and
     * {@code cursorParam} (e.g. {@code outSort}, {@code outCursor}), its links' ids start with {@code idPrefix};
     * {@code filters} hold the page's other parameters to keep (the other list's filter and order).
     */
    public SortHeaders(String path, Map<String, String> filters, String current, String param, String cursorParam,
            String idPrefix) {
        this.path = path;
        this.filters = filters;
        this.current = current == null ? "" : current.strip();
        this.param = param;
        this.cursorParam = cursorParam;
        this.idPrefix = idPrefix;
    }

    /** The id of the header link of {@code field} (unique on the page). */
    public String id(String field) {
        return idPrefix + field;
    }

    /** The query parameter carrying this list's order. */
    public String param() {
        return param;
    }

    /** {@code sort} when it names one of {@code fields} (optionally with '-'), else null: no free text to the API. */
    public static String oneOf(String sort, java.util.List<String> fields) {
        if (sort == null) {
            return null;
        }
        String value = sort.strip();
        return fields.contains(value.startsWith("-") ? value.substring(1) : value) ? value : null;
    }

    /** The current {@code sort} value, blank for the default order. */
    public String current() {
        return current;
    }

    /** The page address sorted by {@code field}: ascending first, descending when it already sorts ascending. */
    public String href(String field) {
        return address(current.equals(field) ? "-" + field : field);
    }

    /** aria-sort of the column: ascending, descending or none. */
    public String aria(String field) {
        return current.equals(field) ? "ascending" : current.equals("-" + field) ? "descending" : "none";
    }

    /** The arrow shown beside a sorting column's label (the direction is also read out through aria-sort). */
    public String arrow(String field) {
        return current.equals(field) ? "▲" : current.equals("-" + field) ? "▼" : "";
    }

    /** The page address with the filters and the current order, for a "next page" link to extend. */
    public String address(String sort) {
        StringBuilder address = new StringBuilder(path).append('?');
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !param.equals(name) && !cursorParam.equals(name)) {
                address.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        if (sort != null && !sort.isBlank()) {
            address.append(param).append('=').append(encode(sort)).append('&');
        }
        return address.substring(0, address.length() - 1);
    }

    /** The next page's address: same filters, same order, the API's cursor. */
    public String next(String cursor) {
        String base = address(current);
        return base + (base.endsWith("?") ? "" : "&") + cursorParam + "=" + encode(cursor);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
