package org.yaqaza.gateway.edge;

import java.util.Map;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.RequestIds;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/** Problem responses written by the gateway's Vert.x handlers (outside JAX-RS). */
public final class EdgeProblems {

    private EdgeProblems() {
    }

    public static void send(RoutingContext rc, int status, String title, String detail, Map<String, String> headers) {
        var response = rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        String body = Problems.json(status, title, detail, rc.normalizedPath(), rc.get(RequestIds.CONTEXT_KEY));
        if (bodyPending(rc.request())) {
            // an upload the gateway refuses is not read to its end: answer, then drop the connection
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(body).onComplete(done -> drainThenClose(rc.request()));
            return;
        }
        response.end(body);
    }

    /** Bytes of a refused upload still read (and dropped) so that the client sees the answer, not a reset. */
    private static final long DRAIN_BYTES = 4L * 1024 * 1024;

    /**
     * Closes the connection of a refused upload. Closing with unread bytes would make the kernel send a reset,
     * which can destroy the answer before the client reads it: the rest of the body is first read and dropped
     * (up to {@link #DRAIN_BYTES}).
     */
    public static void drainThenClose(HttpServerRequest request) {
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long[] drained = { 0 };
        request.exceptionHandler(ignored -> request.connection().close());
        request.endHandler(v -> request.connection().close());
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_BYTES) {
                request.connection().close();
            }
        });
        request.resume();
    }

    public static boolean bodyPending(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (length != null && !length.trim().equals("0"));
    }

    /** 429 with Retry-After and the RateLimit-* fields (draft-ietf-httpapi-ratelimit-headers). */
    public static void tooManyRequests(RoutingContext rc, RateLimiter.Decision decision, String detail) {
        send(rc, 429, "Too many requests", detail, Map.of(
                "Retry-After", Long.toString(decision.retryAfterSeconds()),
                "RateLimit-Limit", Integer.toString(decision.limit()),
                "RateLimit-Remaining", Long.toString(decision.remaining()),
                "RateLimit-Reset", Long.toString(decision.resetSeconds())));
    }

    public static void rateLimitHeaders(RoutingContext rc, RateLimiter.Decision decision) {
        rc.response().putHeader("RateLimit-Limit", Integer.toString(decision.limit()))
                .putHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }
}
