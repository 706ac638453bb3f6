package org.yaqaza.common.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * First thing on every HTTP request: fix its request id, return it in the response and put it in the logging
 * context so every log line of the request carries it.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs before security and routing (higher priority runs first). */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestIds.acceptOrGenerate(rc.request().getHeader(RequestIds.HEADER));
            rc.put(RequestIds.CONTEXT_KEY, id);
            rc.request().headers().set(RequestIds.HEADER, id);
            rc.response().putHeader(RequestIds.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            rc.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
            rc.next();
        }, PRIORITY);
    }
}
