package org.yaqaza.systemtest.urls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An ingress in front of the gateway, on its own port: it forwards every request and says where the client
 * came in (X-Forwarded-Proto, -Host with its port, -Port, -For), as an ingress controller does. A client that
 * talks to it must be sent only URLs on the ingress, never the gateway's own address.
 */
final class SimulatedIngress implements AutoCloseable {

    /** Fields the JDK client sets itself, and hop-by-hop ones. */
    private static final Set<String> NOT_COPIED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer");

    private final HttpServer server;
    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private SimulatedIngress(HttpServer server, String gateway) {
        this.server = server;
        this.gateway = gateway;
    }

    static SimulatedIngress start(String gateway) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        SimulatedIngress ingress = new SimulatedIngress(server, gateway);
        server.createContext("/", ingress::forward);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-ingress");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return ingress;
    }

    /** The public address of the ingress: what clients use, and what every advertised URL must start with. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(gateway + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_COPIED.contains(header.getKey().toLowerCase(Locale.ROOT))
                        && !header.getKey().toLowerCase(Locale.ROOT).startsWith("x-forwarded")) {
                    header.getValue().forEach(value -> out.header(header.getKey(), value));
                }
            }
            out.header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Host", "127.0.0.1:" + server.getAddress().getPort())
                    .header("X-Forwarded-Port", Integer.toString(server.getAddress().getPort()))
                    .header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream response = exchange.getResponseBody()) {
                    response.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
