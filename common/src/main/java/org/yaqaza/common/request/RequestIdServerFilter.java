package org.yaqaza.common.request;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Re-asserts the request id in the logging context on the thread that runs the resource method. */
public class RequestIdServerFilter {

    @ServerRequestFilter(preMatching = true)
    public void bindRequestId(ContainerRequestContext request) {
        String id = request.getHeaderString(RequestIds.HEADER);
        if (id != null) {
            MDC.put(RequestIds.MDC_KEY, id);
        }
    }
}
