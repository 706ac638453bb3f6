package org.yaqaza.prevention.service;

import java.time.LocalDate;

/** Conversions of native query results, whichever Java type the driver chose. */
final class Sql {

    private Sql() {
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
