package org.yaqaza.gateway.proxy;

import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;

/**
 * Writes a forwarded request's head before the proxy streams its body, so that the gateway knows whether the
 * request went out: a head that could not be written (the pooled connection was closed under it) means the
 * upstream received nothing, and the request may be sent again on a fresh connection whatever its method.
 * <p>
 * Only for requests whose body has a known length (or none): the proxy decides on chunked encoding after the
 * head for the others, which Vert.x refuses once the head is out. The head carries what {@code HttpProxy} would
 * have sent (method, URI, the end-to-end headers the interceptor left, the length); the proxy then writes the body
 * and the end of the request as usual.
 */
final class UpstreamHead {

    private UpstreamHead() {
    }

    static boolean canSendFirst(ProxyRequest request) {
        Body body = request.getBody();
        return body == null || body.length() >= 0;
    }

    static Future<Void> sendFirst(HttpClientRequest out, ProxyRequest request) {
        out.setMethod(request.getMethod());
        out.setURI(request.getURI());
        for (Map.Entry<String, String> header : request.headers()) {
            // hop-by-hop fields were removed by the interceptor; the Host is the upstream's, as the proxy sets it
            if (!header.getKey().equalsIgnoreCase(HttpHeaders.HOST.toString())) {
                out.headers().add(header.getKey(), header.getValue());
            }
        }
        Body body = request.getBody();
        if (body != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(body.length()));
        }
        return out.sendHead();
    }
}
