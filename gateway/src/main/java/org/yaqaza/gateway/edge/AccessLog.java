package org.yaqaza.gateway.edge;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.RequestIds;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * One JSON line per request on the {@code yaqaza.access} logger: time, request id, subject, client address,
 * method, path template, status, bytes in and out, upstream, duration. Written from chosen fields only, so a
 * token, a query string or a body can never reach it.
 */
@Singleton
public class AccessLog {

    public static final String CATEGORY = "yaqaza.access";
    /** Set by the proxy: the upstream a request was forwarded to. */
    public static final String UPSTREAM = "yaqaza.upstream";
    /** Set by the edge authentication: the verified subject. */
    public static final String SUBJECT = "yaqaza.subject";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** Segments that identify a record (uuids, numbers, long opaque ids) become {id} in the template. */
    private static final Pattern ID_SEGMENT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]+|(?=.*[0-9]).{20,}");

    void start(RoutingContext rc) {
        long started = System.nanoTime();
        Instant time = Instant.now();
        rc.addEndHandler(ignored -> {
            if (LOG.isInfoEnabled()) {
                LOG.info(line(rc, time, started));
            }
        });
        rc.next();
    }

    private static String line(RoutingContext rc, Instant time, long started) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", time.toString());
        field(json, "requestId", rc.get(RequestIds.CONTEXT_KEY));
        field(json, "subject", subject(rc));
        field(json, "address", EdgeFilters.address(rc));
        field(json, "method", rc.request().method().name());
        field(json, "path", template(rc.normalizedPath()));
        json.append(",\"status\":").append(rc.response().getStatusCode());
        json.append(",\"bytesIn\":").append(rc.request().bytesRead());
        json.append(",\"bytesOut\":").append(rc.response().bytesWritten());
        field(json, "upstream", rc.get(UPSTREAM));
        json.append(",\"durationMs\":").append(String.format(java.util.Locale.ROOT, "%.3f",
                (System.nanoTime() - started) / 1e6));
        return json.append('}').toString();
    }

    private static String subject(RoutingContext rc) {
        String subject = rc.get(SUBJECT);
        if (subject == null && rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            subject = user.getSecurityIdentity().getPrincipal().getName();
        }
        return subject;
    }

    static String template(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].isEmpty() && ID_SEGMENT.matcher(segments[i]).matches()) {
                segments[i] = "{id}";
            }
        }
        return String.join("/", segments);
    }

    private static void field(StringBuilder json, String name, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
        if (value == null) {
            json.append("null");
            return;
        }
        json.append(Problems.quote(value));
    }
}
