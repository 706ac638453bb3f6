package org.yaqaza.gateway.proxy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.yaqaza.gateway.service.TokenRevocations;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Long-lived proxied answers (server-sent events) by subject, so that none outlives the token it was opened with:
 * each is closed when its token expires, and as soon as the directory revokes the subject's earlier tokens
 * (disabled, credential set, roles, clearance or compartments changed; {@link TokenRevocations}: at once on this
 * replica, within its poll interval on the others). Closing resets the client's response, which makes the proxy
 * reset the upstream request too, so the service stops streaming. A client that reconnects meets the edge's token
 * check, which refuses the expired or revoked token.
 */
@Singleton
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    private record Stream(VerifiedToken token, HttpServerResponse response, Context context, long[] timer) {
    }

    private final Map<String, Set<Stream>> bySubject = new ConcurrentHashMap<>();
    private final Vertx vertx;

    public LiveStreams(TokenRevocations revocations, Vertx vertx) {
        this.vertx = vertx;
        revocations.onRevocation(this::revoked);
    }

    /** Watches the forwarded answer of {@code rc}: tracked from its head on if it is an event stream. */
    void watch(RoutingContext rc) {
        VerifiedToken token = rc.get(VerifiedToken.KEY);
        if (token == null) {
            return;
        }
        rc.addHeadersEndHandler(v -> {
            String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.regionMatches(true, 0, "text/event-stream", 0, 17)) {
                track(rc, token);
            }
        });
    }

    /** How many streams are open for {@code subject} (tests and diagnostics). */
    public int open(String subject) {
        Set<Stream> streams = bySubject.get(subject);
        return streams == null ? 0 : streams.size();
    }

    private void track(RoutingContext rc, VerifiedToken token) {
        Context context = Vertx.currentContext();
        Stream stream = new Stream(token, rc.response(), context, new long[] { -1 });
        bySubject.computeIfAbsent(token.subject(), k -> ConcurrentHashMap.newKeySet()).add(stream);
        long wait = token.expiresAtMillis() - System.currentTimeMillis();
        stream.timer()[0] = vertx.setTimer(Math.max(1, wait), id -> close(stream, "its token expired"));
        // ended by the upstream, closed by the client, or reset here: the same end
        rc.addEndHandler(done -> forget(stream));
    }

    private void revoked(String subject, Instant validAfter) {
        Set<Stream> streams = bySubject.get(subject);
        if (streams == null) {
            return;
        }
        for (Stream stream : streams) {
            if (stream.token().builtin() && stream.token().issuedAtSeconds() < validAfter.getEpochSecond()) {
                stream.context().runOnContext(v -> close(stream, "the directory revoked its token"));
            }
        }
    }

    private void close(Stream stream, String why) {
        if (forget(stream)) {
            LOG.debugf("closing a stream of %s: %s", stream.token().subject(), why);
            stream.response().reset();
        }
    }

    /** True when the stream was still tracked. */
    private boolean forget(Stream stream) {
        Set<Stream> streams = bySubject.get(stream.token().subject());
        if (streams == null || !streams.remove(stream)) {
            return false;
        }
        vertx.cancelTimer(stream.timer()[0]);
        bySubject.computeIfPresent(stream.token().subject(), (k, set) -> set.isEmpty() ? null : set);
        return true;
    }
}
