package org.yaqaza.prevention.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.yaqaza.common.problem.ProblemException;

/**
 * A list filter named by a query parameter: read here rather than by JAX-RS, whose failed conversion of a query
 * parameter is a 404, so that an unknown value is the client's 400 with the parameter named.
 */
final class QueryEnums {

    private QueryEnums() {
    }

    /** {@code null} for an absent or empty value; case ignored. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Invalid filter", parameter + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                    + ".", parameter);
        }
    }
}
