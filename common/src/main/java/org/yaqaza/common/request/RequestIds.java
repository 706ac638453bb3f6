package org.yaqaza.common.request;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/** Request ids: accepted from {@code X-Request-ID} when well-formed, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "requestId";
    public static final String CONTEXT_KEY = "yaqaza.requestId";

    /** Only ids that cannot smuggle anything into logs or headers are kept. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** The id of the request being served on this thread or Vert.x context, or null outside a request. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }
}
