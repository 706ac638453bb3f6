package org.yaqaza.common.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves a service as an RFC 9457 problem: the client learns what to fix, never how the service is
 * built (no stack traces, SQL or class names). Unexpected failures are logged with the request id, which is
 * the only thing the 500 body carries.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Map<String, String> BEARER_CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.errors(),
                e.headers());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> v.getPropertyPath().toString()
                .contains("<return value>"));
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return Problems.response(400, "Invalid request",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".",
                path(uri), errors);
    }

    /** Listed one by one: Quarkus has built-in mappers for some of these subclasses that must not win. */
    @ServerExceptionMapper(value = { JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class },
            priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException) {
            return Problems.response(400, "Malformed JSON", "The request body is not valid JSON.", path(uri), null);
        }
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : null;
        String detail = e instanceof UnrecognizedPropertyException ? "Unknown field."
                : "Wrong type or format for this field.";
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null
                : List.of(new Problem.FieldError(field, detail));
        return Problems.response(400, "Invalid request body",
                field == null || field.isEmpty() ? "The request body does not have the expected shape." : detail,
                path(uri), errors);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "This media type is not accepted here.";
            default -> title + ".";
        };
        Response response = Problems.response(status, title, detail, path(uri), null);
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, original.getHeaderString("Allow"))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Problems.response(401, null, "Unauthorized",
                "A valid bearer token is required.", path(uri), null, BEARER_CHALLENGE);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "Forbidden", "Your role does not allow this operation.", path(uri), null);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(RuntimeException e, UriInfo uri) {
        return Problems.response(409, "Conflict",
                "The record was changed by someone else; read it again and reapply your change.", path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
                return stale((RuntimeException) root, uri);
            }
        }
        Response integrity = integrityViolation(e, uri);
        if (integrity != null) {
            return integrity;
        }
        Response undecodable = undecodableInput(e, uri);
        if (undecodable != null) {
            return undecodable;
        }
        Response unavailable = databaseUnavailable(e, uri);
        if (unavailable != null) {
            return unavailable;
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(500, "Internal error",
                "The request could not be completed. Quote the request id when reporting this.", path(uri), null);
    }

    /**
     * A constraint the database enforces (unique, foreign key, check) that the service did not check first: the
     * client's data conflicts with what is stored, which is not a server fault. Nothing was written: the
     * transaction rolled back. The constraint's name stays in the log, not in the answer.
     */
    static Response integrityViolation(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                LOG.infof("integrity constraint refused a change: %s", sql.getMessage());
                boolean duplicate = "23505".equals(sql.getSQLState());
                boolean reference = "23503".equals(sql.getSQLState());
                if (duplicate || reference) {
                    return Problems.response(409, "Conflict", duplicate
                            ? "A record with the same identifying values already exists."
                            : "The change refers to, or is referred to by, a record that does not allow it.",
                            path(uri), null);
                }
                return Problems.response(422, "Unprocessable", "The values break a rule of the stored data.",
                        path(uri), null);
            }
        }
        return null;
    }

    /**
     * Input the service cannot decode or the database cannot hold: a body whose bytes are no Unicode encoding
     * (Jackson's encoding detection fails before any JSON is parsed), or a value PostgreSQL refuses as data
     * (SQL state class 22, e.g. a NUL character in text, a number out of range). The client's fault, so 400;
     * nothing was written. Values over a size limit of the database (54000, e.g. an index entry too large) are
     * the client's too, but well-formed: 422.
     */
    static Response undecodableInput(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.CharConversionException) {
                return Problems.response(400, "Malformed request body",
                        "The request body is not valid UTF-8 JSON.", path(uri), null);
            }
            if (t instanceof java.sql.SQLException sql && "54000".equals(sql.getSQLState())) {
                // an index entry over PostgreSQL's size limit, e.g. marking lists too long for a covering index
                LOG.infof("database refused a value as too large: %s", sql.getMessage());
                return Problems.response(422, "Values too large",
                        "The values in the request are too large to store together (for example the marking's"
                                + " compartment and shared-with lists).", path(uri), null);
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                LOG.infof("database refused a value as data: %s", sql.getMessage());
                return Problems.response(400, "Invalid value",
                        "A value in the request cannot be stored (for example a NUL character or a number out of"
                                + " range).", path(uri), null);
            }
        }
        return null;
    }

    /** Seconds a client is asked to wait when the database is out of reach: about one pool reconnect cycle. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /**
     * The database is down, restarting or saturated (connection refused or lost, administrator shutdown, no free
     * pooled connection in time, transaction timed out while waiting): a temporary condition of the service, not a
     * bug, so 503 with Retry-After lets clients and the gateway's circuit breaker back off instead of seeing a 500.
     * Nothing was committed: the transaction rolled back.
     */
    static Response databaseUnavailable(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isUnavailable(t)) {
                LOG.warnf("database unavailable: %s", t.getMessage());
                return Problems.response(503, null, "Service unavailable",
                        "The service's database is temporarily out of reach; retry later.", path(uri), null,
                        Map.of("Retry-After", DATABASE_RETRY_AFTER_SECONDS));
            }
        }
        return null;
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                // 08 connection exception, 57P01-57P03 shutdown / cannot connect now, 53300 too many connections
                return state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("53300");
            }
            // Agroal's pool gives no SQL state when no connection frees up in time ("Sorry, acquisition
            // timeout!") or a new one cannot be opened in time ("Acquisition timeout while waiting ...")
            return sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        // the transaction manager aborted the transaction at its timeout (e.g. waiting for a saturated database)
        return t instanceof jakarta.transaction.RollbackException && t.getMessage() != null
                && t.getMessage().contains("ARJUNA016102");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** Field path of a violation without the method and parameter names (e.g. {@code contacts[0].name}). */
    static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // the position in a list or map belongs to the container, which is the previous part
            if (node.isInIterable() && !parts.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
                }
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? parameter : String.join(".", parts);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
