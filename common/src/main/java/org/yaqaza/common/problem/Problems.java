package org.yaqaza.common.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.text.Escaping;
import org.yaqaza.common.tracing.TraceContexts;

/** Builds problem responses; the type URI defaults to {@code about:blank} as RFC 9457 suggests. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        return response(status, null, title, detail, instance, errors, Map.of());
    }

    public static Response response(int status, String type, String title, String detail, String instance,
            List<Problem.FieldError> errors, Map<String, String> headers) {
        Problem problem = new Problem(type == null ? "about:blank" : type, title, status, detail, instance,
                RequestIds.current(), TraceContexts.currentTraceId(), errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The JSON body for routes outside JAX-RS (plain Vert.x handlers), escaped by hand to avoid a mapper. */
    public static String json(int status, String title, String detail, String instance, String requestId) {
        String traceId = TraceContexts.currentTraceId();
        return "{\"type\":\"about:blank\",\"title\":" + Escaping.jsonString(title) + ",\"status\":" + status
                + (detail == null ? "" : ",\"detail\":" + Escaping.jsonString(detail))
                + (instance == null ? "" : ",\"instance\":" + Escaping.jsonString(instance))
                + (requestId == null ? "" : ",\"requestId\":" + Escaping.jsonString(requestId))
                + (traceId == null ? "" : ",\"traceId\":" + Escaping.jsonString(traceId)) + "}";
    }
}
