package org.yaqaza.common.request;

import java.util.Map;

import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;
import org.jboss.logging.MDC;

/**
 * Carries the request id (the logging context's {@link RequestIds#MDC_KEY}) to the threads of a
 * {@code ManagedExecutor}: a task submitted while serving a request logs and audits under that request's id, and
 * the worker thread gets its previous id back when the task ends.
 */
public class RequestIdContextProvider implements ThreadContextProvider {

    public static final String TYPE = "YaqazaRequestId";

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        return snapshot(RequestIds.current());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        return snapshot(null);
    }

    @Override
    public String getThreadContextType() {
        return TYPE;
    }

    private static ThreadContextSnapshot snapshot(String requestId) {
        return () -> {
            String previous = RequestIds.current();
            bind(requestId);
            return () -> bind(previous);
        };
    }

    private static void bind(String requestId) {
        if (requestId == null) {
            MDC.remove(RequestIds.MDC_KEY);
        } else {
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
    }
}
