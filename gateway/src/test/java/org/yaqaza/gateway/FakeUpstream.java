package org.yaqaza.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the services behind the gateway: records what reached it and answers. Special paths stream
 * (an upload it counts as it reads; a download it sends in two parts) and stall (longer than the proxy's idle
 * timeout). A test picks a unique path so that what it reads back is its own request.
 */
public final class FakeUpstream {

    /** What one request looked like when it arrived. */
    public record Seen(String method, String uri, Map<String, List<String>> headers, long bodyBytes) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public int count(String name) {
            List<String> values = headers.get(name);
            return values == null ? 0 : values.size();
        }
    }

    private final HttpServer server;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    /** Live event streams that ended because their reader went away (the gateway reset them). */
    private final java.util.concurrent.atomic.AtomicInteger liveStreamsCut = new java.util.concurrent.atomic
            .AtomicInteger();
    /** Counted down when an upload's first bytes reach the upstream. */
    private volatile CountDownLatch uploadStarted = new CountDownLatch(1);
    /** Counted down by a test once the first part of a download has reached the client. */
    private volatile CountDownLatch downloadAcknowledged = new CountDownLatch(1);
    /** Counted down by a test once the first server-sent event has reached the client. */
    private volatile CountDownLatch eventAcknowledged = new CountDownLatch(1);

    private FakeUpstream(HttpServer server) {
        this.server = server;
    }

    static FakeUpstream start() throws IOException {
        return start(0);
    }

    static FakeUpstream start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        FakeUpstream upstream = new FakeUpstream(server);
        server.createContext("/", upstream::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-upstream");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return upstream;
    }

    public void stop() {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The last request whose path was {@code path}, or null. */
    public Seen seen(String path) {
        return seen.get(path);
    }

    public int liveStreamsCut() {
        return liveStreamsCut.get();
    }

    public CountDownLatch armUpload() {
        uploadStarted = new CountDownLatch(1);
        return uploadStarted;
    }

    public CountDownLatch armDownload() {
        downloadAcknowledged = new CountDownLatch(1);
        return downloadAcknowledged;
    }

    public CountDownLatch armEvents() {
        eventAcknowledged = new CountDownLatch(1);
        return eventAcknowledged;
    }

    /** Two server-sent events; the second only once the client has confirmed it got the first. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("id: 1\nevent: alert\ndata: {\"title\":\"تنبيه أول\"}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            if (!eventAcknowledged.await(20, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        out.write("id: 2\nevent: alert\ndata: {\"title\":\"second\"}\n\n".getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    /** An event every 200 ms for up to a minute, as a service's alert stream would keep the line alive. */
    private void live(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (int i = 0; i < 300; i++) {
                out.write(("id: " + i + "\nevent: alert\ndata: {\"n\":" + i + "}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(200);
            }
            out.close();
        } catch (IOException readerGone) {
            liveStreamsCut.incrementAndGet();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        try (exchange) {
            long bytes;
            if (path.endsWith("/upload")) {
                bytes = readCounting(exchange.getRequestBody(), uploadStarted);
            } else {
                bytes = exchange.getRequestBody().readAllBytes().length;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            seen.put(path, new Seen(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query), headers,
                    bytes));

            if (path.equals("/q/openapi")) {
                send(exchange, 200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"fake upstream\",\"version\":\"1\"}}");
            } else if (path.endsWith("/download")) {
                download(exchange, Long.parseLong(query.substring(query.indexOf('=') + 1)));
            } else if (path.endsWith("/events")) {
                events(exchange);
            } else if (path.endsWith("/live")) {
                live(exchange);
            } else if (path.endsWith("/stall")) {
                sleep(10_000);
                send(exchange, 200, "{}");
            } else {
                // the upstream echoes the request id, as the services do: the client must still see it once
                String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
                if (requestId != null) {
                    exchange.getResponseHeaders().set("X-Request-ID", requestId);
                }
                exchange.getResponseHeaders().set("X-Upstream", "fake");
                send(exchange, 200, "{\"path\":\"" + path + "\",\"bytes\":" + bytes + "}");
            }
        }
    }

    private static long readCounting(InputStream in, CountDownLatch started) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n > 0 && total == 0) {
                started.countDown();
            }
            total += n;
        }
        return total;
    }

    /** One mebibyte, then the rest only once the client has confirmed it got the first part. */
    private void download(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[64 * 1024];
        long sent = 0;
        long first = Math.min(size, 1024 * 1024);
        while (sent < first) {
            int n = (int) Math.min(chunk.length, first - sent);
            out.write(chunk, 0, n);
            sent += n;
        }
        out.flush();
        try {
            if (!downloadAcknowledged.await(20, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        while (sent < size) {
            int n = (int) Math.min(chunk.length, size - sent);
            out.write(chunk, 0, n);
            sent += n;
        }
        out.close();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
