package org.yaqaza.gateway.proxy;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Fetches an upstream's OpenAPI document for the gateway's Swagger UI. */
@ApplicationScoped
public class UpstreamDocuments {

    /** Documents are a few hundred kilobytes; a runaway answer is cut off. */
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Upstreams upstreams;

    public UpstreamDocuments(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    public static class UpstreamFailure extends RuntimeException {
        public UpstreamFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** The document as JSON text; fails with {@link UpstreamFailure} if the upstream cannot give it. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = UpstreamFailure.class)
    public Uni<String> openapi(Upstream upstream) {
        // lazy: each (re)try sends a new request
        return Uni.createFrom().completionStage(() -> upstreams.client().request(new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + upstream.openapiPath())
                .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        response.end();
                        throw new UpstreamFailure("status " + response.statusCode());
                    }
                    String length = response.getHeader("Content-Length");
                    if (length != null && Long.parseLong(length) > MAX_BYTES) {
                        throw new UpstreamFailure("document too large");
                    }
                    return response.body();
                })
                .map(Buffer::toString)
                .recover(failure -> io.vertx.core.Future.failedFuture(failure instanceof UpstreamFailure u ? u
                        : new UpstreamFailure(failure.toString())))
                .toCompletionStage());
    }
}
