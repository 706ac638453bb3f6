package org.yaqaza.console.web;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * A standard {@code Server-Timing} header on every answer of the console: {@code api} is the time spent waiting
 * for the API (the REST client calls of this request, summed; they run one after the other), {@code app} the
 * console's own share (session, rendering, everything else), {@code total} from the request's arrival to its
 * headers. Lets an operator (or the browser's network panel, or {@code bench/console.sh}) tell a slow page from a
 * slow service. It reveals durations only, nothing of what was asked or answered.
 */
@ApplicationScoped
public class ServerTiming {

    static final String KEY = "yaqaza.server-timing";

    /** The API time of one request, added to by {@code service/ApiTiming} as each call completes. */
    public static final class Request {
        private final long start = System.nanoTime();
        private final AtomicLong apiNanos = new AtomicLong();
        private final AtomicInteger calls = new AtomicInteger();

        public void addCall(long nanos) {
            apiNanos.addAndGet(nanos);
            calls.incrementAndGet();
        }

        String header() {
            double total = (System.nanoTime() - start) / 1e6;
            double api = apiNanos.get() / 1e6;
            return String.format(Locale.ROOT, "api;dur=%.1f;desc=\"%d calls\", app;dur=%.1f, total;dur=%.1f", api,
                    calls.get(), Math.max(0, total - api), total);
        }
    }

    /** The timing of the request being handled, or null outside one. */
    public static Request of(RoutingContext context) {
        return context == null ? null : context.get(KEY);
    }

    void register(@Observes Filters filters) {
        // first of all filters, so that the total includes the sign-in check of the session cookie
        filters.register(context -> {
            Request timing = new Request();
            context.put(KEY, timing);
            context.addHeadersEndHandler(ignored -> context.response().headers().set("Server-Timing",
                    timing.header()));
            context.next();
        }, Integer.MAX_VALUE);
    }
}
