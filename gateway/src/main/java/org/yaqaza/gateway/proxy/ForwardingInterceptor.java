package org.yaqaza.gateway.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.gateway.edge.BodyLimits;
import org.yaqaza.gateway.edge.EdgeProblems;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Shapes each forwarded exchange: the path the gateway routed on (normalised, so the service sees exactly
 * what was matched) with the query unchanged; the request id; forwarding headers set by the gateway alone (a
 * client's own X-Forwarded-* could forge its address); hop-by-hop headers dropped both ways; an unreachable
 * upstream answered with a problem instead of an empty 502; an upload counted as it streams and cut off (413)
 * past its route's limit; each outcome reported to the upstream's circuit.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    /** RFC 9110 7.6.1 connection-specific fields, plus proxy credentials meant for the gateway alone. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final List<String> FORWARDING = List.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-real-ip");

    /** The request to the upstream, attached to the proxy context once the connection is made. */
    static final String UPSTREAM_REQUEST = "yaqaza.upstreamRequest";

    /** Set on the proxy context once the upload went past its limit. */
    private static final String TOO_LARGE = "yaqaza.bodyTooLarge";

    /** The upstream's circuit is open: refused without trying. */
    static final class CircuitOpen extends RuntimeException {
        CircuitOpen() {
            super("circuit open", null, false, false);
        }
    }

    /** The upload went past its route's limit. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super("request body too large", null, false, false);
        }
    }

    private final Upstream upstream;
    private final BodyLimits bodyLimits;
    private final long idleTimeoutMillis;
    private final long retryAfterSeconds;

    ForwardingInterceptor(Upstream upstream, BodyLimits bodyLimits, Duration retryAfter) {
        this.upstream = upstream;
        this.bodyLimits = bodyLimits;
        this.idleTimeoutMillis = upstream.idleTimeoutMillis();
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String query = incoming.query();
        String path = HttpUtils.normalizePath(incoming.path());
        request.setURI(query == null ? upstream.basePath() + path : upstream.basePath() + path + "?" + query);

        MultiMap headers = request.headers();
        removeHopByHop(headers);
        FORWARDING.forEach(headers::remove);
        if (incoming.remoteAddress() != null) {
            headers.set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        String requestId = incoming.getHeader(RequestIds.HEADER);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        // the upload streams on only once the token has been checked: say so to a client that waits for it
        if ("100-continue".equalsIgnoreCase(headers.get(HttpHeaders.EXPECT))) {
            headers.remove(HttpHeaders.EXPECT);
            incoming.response().writeContinue();
        }
        // an upload in progress is activity too: each chunk sent re-arms the idle timeout; and it is counted
        Body body = request.getBody();
        if (body != null) {
            long max = bodyLimits.maxBytes(path);
            request.setBody(Body.body(new ActivityStream(body.stream(), max, () -> {
                HttpClientRequest out = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
                if (out != null) {
                    out.idleTimeout(idleTimeoutMillis);
                }
            }, () -> context.set(TOO_LARGE, Boolean.TRUE)), body.length()));
        }
        return context.sendRequest()
                .onSuccess(response -> {
                    int status = response.getStatusCode();
                    if (status == 502 || status == 503 || status == 504) {
                        upstream.circuit().failure();
                    } else {
                        upstream.circuit().success();
                    }
                })
                .recover(failure -> Future.succeededFuture(failed(context, failure, max(incoming))));
    }

    private long max(HttpServerRequest incoming) {
        return bodyLimits.maxBytes(HttpUtils.normalizePath(incoming.path()));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        removeHopByHop(headers);
        // the gateway set its own X-Request-ID already (the same id); a second one would be a duplicate header
        headers.remove(RequestIds.HEADER);
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            // the rest of the upload is not read: the connection cannot be reused
            headers.set(HttpHeaders.CONNECTION, "close");
            HttpServerRequest incoming = context.request().proxiedRequest();
            return context.sendResponse().onComplete(done -> EdgeProblems.drainThenClose(incoming));
        }
        return context.sendResponse();
    }

    private static void removeHopByHop(MultiMap headers) {
        for (String listed : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String name : listed.split(",")) {
                headers.remove(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure, long maxBody) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            // the service never sees the rest; the client is told why, then the connection is dropped
            upstream.circuit().success();
            return problem(context, 413, "Request body too large", "The request body exceeds the "
                    + BodyLimits.describe(maxBody) + " accepted at this address.");
        }
        if (failure instanceof CircuitOpen) {
            long wait = upstream.circuit().retryAfterSeconds(retryAfterSeconds);
            return problem(context, 503, "Service unavailable", "The " + upstream.displayName()
                    + " is failing; requests to it are paused. Try again later.")
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        }
        upstream.circuit().failure();
        return unavailable(context, failure);
    }

    private static ProxyResponse problem(ProxyContext context, int status, String title, String detail) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        String body = Problems.json(status, title, detail, HttpUtils.normalizePath(incoming.path()),
                incoming.getHeader(RequestIds.HEADER));
        return context.request().release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(body)));
    }

    private ProxyResponse unavailable(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        boolean timeout = failure instanceof TimeoutException;
        LOG.warnf("%s failed %s %s: %s", upstream.displayName(), incoming.method(), incoming.path(),
                failure.toString());
        int status = timeout ? 504 : 503;
        String body = Problems.json(status, timeout ? "Gateway timeout" : "Service unavailable",
                timeout ? "The " + upstream.displayName() + " did not answer in time."
                        : "The " + upstream.displayName() + " cannot be reached now; try again later.",
                HttpUtils.normalizePath(incoming.path()), incoming.getHeader(RequestIds.HEADER));
        ProxyResponse response = context.request().release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(body)));
        if (!timeout) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return response;
    }
}
