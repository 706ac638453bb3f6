package org.yaqaza.console.api;

import java.util.List;

/** An RFC 9457 problem from a service, with the offending fields of a validation failure. */
public record ProblemBody(String type, String title, int status, String detail, String requestId,
        List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }
}
