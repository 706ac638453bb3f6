package org.yaqaza.gateway.edge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.text.Escaping;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * One JSON line per request on the {@code yaqaza.access} logger: time, request id, subject, client address,
 * method, path template, status, bytes in and out, upstream, duration. Written from chosen fields only, so a
 * token, a query string or a body can never reach it.
 * <p>
 * Every forwarded request pays for this line, so it is built in one pass into one builder (no regex, no
 * {@code String.format}, no intermediate strings), and the handler of this category writes asynchronously
 * ({@code quarkus.log.handler.console."access".async}): the event loop only queues the line.
 */
@Singleton
public class AccessLog {

    public static final String CATEGORY = "yaqaza.access";
    /** Set by the proxy: the upstream a request was forwarded to. */
    public static final String UPSTREAM = "yaqaza.upstream";
    /** Set by the edge authentication: the verified subject. */
    public static final String SUBJECT = "yaqaza.subject";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** Segments of at least this length that contain a digit are opaque ids. */
    private static final int OPAQUE_ID_LENGTH = 20;

    /** The formatted second of the last line: consecutive lines mostly share it. */
    private record Second(long epochSecond, String text) {
    }

    private volatile Second second = new Second(-1, "");

    void start(RoutingContext rc) {
        if (!LOG.isInfoEnabled()) {
            rc.next();
            return;
        }
        long started = System.nanoTime();
        long startedMillis = System.currentTimeMillis();
        rc.addEndHandler(ignored -> LOG.info(line(rc, startedMillis, started)));
        rc.next();
    }

    private String line(RoutingContext rc, long startedMillis, long started) {
        StringBuilder json = new StringBuilder(320);
        json.append("{\"time\":\"");
        time(json, startedMillis);
        json.append("\",\"requestId\":");
        string(json, rc.get(RequestIds.CONTEXT_KEY));
        json.append(",\"subject\":");
        string(json, subject(rc));
        json.append(",\"address\":");
        string(json, EdgeFilters.address(rc));
        json.append(",\"method\":");
        string(json, rc.request().method().name());
        json.append(",\"path\":");
        String path = rc.normalizedPath();
        if (path == null) {
            json.append("null");
        } else {
            json.append('"');
            template(json, path);
            json.append('"');
        }
        json.append(",\"status\":").append(rc.response().getStatusCode());
        json.append(",\"bytesIn\":").append(rc.request().bytesRead());
        json.append(",\"bytesOut\":").append(rc.response().bytesWritten());
        json.append(",\"upstream\":");
        string(json, rc.get(UPSTREAM));
        long micros = (System.nanoTime() - started) / 1000;
        json.append(",\"durationMs\":").append(micros / 1000).append('.');
        long fraction = micros % 1000;
        if (fraction < 100) {
            json.append(fraction < 10 ? "00" : "0");
        }
        return json.append(fraction).append('}').toString();
    }

    /** ISO-8601 UTC with milliseconds, e.g. 2026-11-29T16:24:58.933Z. */
    private void time(StringBuilder json, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second current = second;
        if (current.epochSecond() != epochSecond) {
            current = new Second(epochSecond, SECOND.format(Instant.ofEpochSecond(epochSecond)));
            second = current;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        json.append(current.text()).append('.');
        if (millis < 100) {
            json.append(millis < 10 ? "00" : "0");
        }
        json.append(millis).append('Z');
    }

    private static String subject(RoutingContext rc) {
        String subject = rc.get(SUBJECT);
        if (subject == null && rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            subject = user.getSecurityIdentity().getPrincipal().getName();
        }
        return subject;
    }

    /** The path with record ids (uuids, numbers, long opaque segments) replaced by {id}. */
    static String template(String path) {
        if (path == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(path.length());
        template(out, path);
        return out.toString();
    }

    /** Appends the template of {@code path}, JSON-escaped. */
    private static void template(StringBuilder out, String path) {
        int start = 0;
        int length = path.length();
        while (start <= length) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (end > start && isId(path, start, end)) {
                out.append("{id}");
            } else {
                Escaping.appendJson(out, path, start, end);
            }
            if (end < length) {
                out.append('/');
            }
            start = end + 1;
        }
    }

    static boolean isId(String path, int start, int end) {
        int length = end - start;
        boolean allDigits = true;
        boolean anyDigit = false;
        for (int i = start; i < end; i++) {
            boolean digit = Character.isDigit(path.charAt(i));
            allDigits &= digit;
            anyDigit |= digit;
        }
        return allDigits || (anyDigit && length >= OPAQUE_ID_LENGTH) || isUuid(path, start, end);
    }

    private static boolean isUuid(String path, int start, int end) {
        if (end - start != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = path.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        Escaping.appendJson(json.append('"'), value, 0, value.length()).append('"');
    }
}
