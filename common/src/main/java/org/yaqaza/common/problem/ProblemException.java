package org.yaqaza.common.problem;

import java.util.List;
import java.util.Map;

/**
 * A refusal the service means to give, turned into a problem response by {@link ProblemMappers}. Services
 * throw these rather than building responses, so every refusal has the same shape.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.headers = headers == null ? Map.of() : headers;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, null, title, detail, null, null);
    }

    public static ProblemException badRequest(String title, String detail, String... fields) {
        List<Problem.FieldError> errors = fields.length == 0 ? null
                : java.util.Arrays.stream(fields).map(f -> new Problem.FieldError(f, detail)).toList();
        return new ProblemException(400, null, title, detail, errors, null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist.");
    }

    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(409, title, detail);
    }

    public static ProblemException unprocessable(String title, String detail) {
        return new ProblemException(422, title, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
