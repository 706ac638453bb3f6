package org.yaqaza.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.yaqaza.console.api.ProblemBody;

/** Reads a service's problem response so a form can show each message next to its field. */
public final class ApiProblems {

    private ApiProblems() {
    }

    /** What the service refused: its status, its detail, and the message per field (by the form's field names). */
    public record Refusal(int status, String detail, Map<String, String> fieldErrors, String requestId) {
    }

    public static Refusal refusal(WebApplicationException refused) {
        Response response = refused.getResponse();
        ProblemBody problem = read(response);
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem != null && problem.errors() != null) {
            for (ProblemBody.FieldError error : problem.errors()) {
                fields.merge(formField(error.field()), error.message(), (a, b) -> a + "; " + b);
            }
        }
        String detail = problem == null ? null : problem.detail() != null ? problem.detail() : problem.title();
        return new Refusal(response.getStatus(), detail, fields, problem == null ? null : problem.requestId());
    }

    private static ProblemBody read(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(ProblemBody.class) : null;
        } catch (ProcessingException | IllegalStateException notAProblem) {
            return null;
        }
    }

    /** "create.request.title" or "title" or "compartments[0]" → "title" / "compartments". */
    static String formField(String apiField) {
        if (apiField == null) {
            return "";
        }
        String last = apiField.substring(apiField.lastIndexOf('.') + 1);
        int index = last.indexOf('[');
        return index < 0 ? last : last.substring(0, index);
    }
}
