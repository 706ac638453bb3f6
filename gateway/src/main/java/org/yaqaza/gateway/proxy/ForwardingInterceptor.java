package org.yaqaza.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.PublicBaseUrl;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.tracing.TraceContexts;
import org.yaqaza.gateway.edge.BodyLimits;
import org.yaqaza.gateway.edge.EdgeProblems;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Shapes each forwarded exchange: the path the gateway routed on (normalised, so the service sees exactly
 * what was matched) with the query unchanged; the request id; forwarding headers set by the gateway alone (a
 * client's own Forwarded / X-Forwarded-* could forge its address or the URLs a service advertises); hop-by-hop
 * headers dropped both ways; an unreachable upstream answered with a problem instead of an empty 502; an upload
 * counted as it streams and cut off (413) past its route's limit; a request lost unanswered with a reused
 * connection sent again when that is safe; each outcome reported to the upstream's circuit.
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

    /** Set on the proxy context (by ProxyRoutes) when the request went out on a connection used before. */
    static final String REUSED_CONNECTION = "yaqaza.reusedConnection";

    /** Set on the proxy context when the request is sent a second time; it then never takes a pooled connection. */
    static final String SENT_AGAIN = "yaqaza.sentAgain";

    /** A small request body, read whole before it is sent. */
    private static final String SENT_BODY = "yaqaza.sentBody";

    /** Bodies up to this size are read whole first, so that a request lost with its connection can go again. */
    private static final int KEPT_BODY_BYTES = 64 * 1024;

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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
    private final PublicBaseUrl publicBaseUrl;
    private final long idleTimeoutMillis;
    private final long retryAfterSeconds;

    ForwardingInterceptor(Upstream upstream, BodyLimits bodyLimits, PublicBaseUrl publicBaseUrl,
            Duration retryAfter) {
        this.upstream = upstream;
        this.bodyLimits = bodyLimits;
        this.publicBaseUrl = publicBaseUrl;
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
        setForwarding(headers, incoming);
        String requestId = incoming.getHeader(RequestIds.HEADER);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        // the service continues the gateway's trace, not whatever traceparent the client sent (that one is the
        // gateway's parent already); set here because the proxy's HTTP clients are not traced (Upstreams)
        String traceparent = TraceContexts.currentTraceparent();
        if (traceparent != null) {
            headers.set(TraceContexts.TRACEPARENT, traceparent);
        }
        // the upload streams on only once the token has been checked: say so to a client that waits for it
        if ("100-continue".equalsIgnoreCase(headers.get(HttpHeaders.EXPECT))) {
            headers.remove(HttpHeaders.EXPECT);
            incoming.response().writeContinue();
        }
        // an upload in progress is activity too: each chunk sent re-arms the idle timeout; and it is counted
        Body body = request.getBody();
        if (body != null && !hasBody(incoming)) {
            // RFC 9112 6.3: no length and not chunked is no body; said so, the request's head can go out first
            // (UpstreamHead) and the end of the (empty) request is still consumed
            request.setBody(null);
            incoming.resume();
        } else if (body != null && body.length() >= 0 && body.length() <= KEPT_BODY_BYTES) {
            // a small body is read whole before it is sent, so that the request can go again if its connection is
            // lost; a larger one streams through without being held
            incoming.resume();
            return incoming.body()
                    .compose(whole -> {
                        context.set(SENT_BODY, whole);
                        request.setBody(Body.body(new BufferStream(Vertx.currentContext(), whole), whole.length()));
                        return send(context);
                    })
                    .recover(failure -> Future.succeededFuture(failed(context, failure, max(incoming))));
        } else if (body != null) {
            long max = bodyLimits.maxBytes(path);
            request.setBody(Body.body(new ActivityStream(body.stream(), max, () -> {
                HttpClientRequest out = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
                if (out != null) {
                    out.idleTimeout(idleTimeoutMillis);
                }
            }, () -> context.set(TOO_LARGE, Boolean.TRUE)), body.length()));
        }
        return send(context).recover(failure -> Future.succeededFuture(failed(context, failure, max(incoming))));
    }

    /** Sends the request (once more when its connection was lost unanswered) and tells the circuit the outcome. */
    private Future<ProxyResponse> send(ProxyContext context) {
        return context.sendRequest()
                .recover(failure -> sendAgainIfLostUnanswered(context, failure))
                .onSuccess(response -> {
                    int status = response.getStatusCode();
                    if (status == 502 || status == 503 || status == 504) {
                        upstream.circuit().failure();
                    } else {
                        upstream.circuit().success();
                    }
                });
    }

    /**
     * A request that went out on a reused keep-alive connection which the service then closed without a single
     * byte of answer (it closed the idle connection as the request arrived) is sent once more, on a new
     * connection, when repeating it is safe: an idempotent method (RFC 9110 9.2.2), or an {@code Idempotency-Key}
     * the service deduplicates on; and when its body, if any, was small enough to be held. Any other failure, and
     * any second one, is the client's answer (503).
     */
    private Future<ProxyResponse> sendAgainIfLostUnanswered(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        boolean connectionLost = failure instanceof HttpClosedException || failure instanceof StreamResetException;
        boolean safe = ProxyRoutes.IDEMPOTENT.contains(incoming.method())
                || incoming.headers().contains(IDEMPOTENCY_KEY);
        if (!connectionLost || !safe || context.get(SENT_AGAIN, Boolean.class) != null
                || context.get(TOO_LARGE, Boolean.class) != null
                || !Boolean.TRUE.equals(context.get(REUSED_CONNECTION, Boolean.class))) {
            LOG.debugf("%s %s not sent again: lost=%s safe=%s again=%s reused=%s", incoming.method(), incoming.path(),
                    connectionLost, safe, context.get(SENT_AGAIN, Boolean.class),
                    context.get(REUSED_CONNECTION, Boolean.class));
            return Future.failedFuture(failure);
        }
        Buffer whole = context.get(SENT_BODY, Buffer.class);
        if (whole != null) {
            context.request().setBody(Body.body(new BufferStream(Vertx.currentContext(), whole), whole.length()));
        } else if (context.request().getBody() != null) {
            return Future.failedFuture(failure); // a large body streamed through: it is not there to send again
        }
        LOG.debugf("%s closed a reused connection under %s %s without answering: sent again on a new connection",
                upstream.displayName(), incoming.method(), incoming.path());
        context.set(SENT_AGAIN, Boolean.TRUE);
        return context.sendRequest();
    }

    /**
     * What the service needs to advertise URLs the client can follow, and whom it is serving: the public scheme,
     * host and port of this request (the gateway's own rule, {@link PublicBaseUrl}, so the client's original Host
     * and port, or the ingress's when it is trusted), in both RFC 7239 and X-Forwarded-* forms, with the client
     * address.
     */
    private void setForwarding(MultiMap headers, HttpServerRequest incoming) {
        URI base = URI.create(publicBaseUrl.of(incoming));
        String scheme = base.getScheme();
        int port = base.getPort() > 0 ? base.getPort() : scheme.equals("https") ? 443 : 80;
        String host = base.getRawAuthority();
        String client = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
        if (client != null) {
            headers.set("X-Forwarded-For", client);
        }
        headers.set("X-Forwarded-Proto", scheme);
        headers.set("X-Forwarded-Host", host);
        headers.set("X-Forwarded-Port", Integer.toString(port));
        String forwardedFor = client == null ? "" : "for=" + (client.contains(":") ? "\"[" + client + "]\"" : client)
                + ";";
        headers.set("Forwarded", forwardedFor + "host=\"" + host + "\";proto=" + scheme);
    }

    private static boolean hasBody(HttpServerRequest incoming) {
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        return incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (length != null && !length.trim().equals("0"));
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
