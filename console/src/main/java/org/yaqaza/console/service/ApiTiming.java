package org.yaqaza.console.service;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.yaqaza.console.web.ServerTiming;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Times every call to the gateway and adds it to the page's {@code Server-Timing} ({@link ServerTiming}). The
 * request filter runs on the page's thread (its request context active), the response filter possibly on an I/O
 * thread: the page's timing travels in the call's properties.
 */
@Provider
public class ApiTiming implements ClientRequestFilter, ClientResponseFilter {

    private static final String TIMING = "yaqaza.timing";
    private static final String START = "yaqaza.timing.start";

    @Override
    public void filter(ClientRequestContext request) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        try (InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class)) {
            ServerTiming.Request timing = current.isAvailable() ? ServerTiming.of(current.get().getCurrent()) : null;
            if (timing != null) {
                request.setProperty(TIMING, timing);
                request.setProperty(START, System.nanoTime());
            }
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(TIMING) instanceof ServerTiming.Request timing
                && request.getProperty(START) instanceof Long start) {
            timing.addCall(System.nanoTime() - start);
        }
    }
}
