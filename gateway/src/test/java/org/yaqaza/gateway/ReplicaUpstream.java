package org.yaqaza.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * One instance of a replicated service on a fixed port: answers every request under /api/replicas with 200 and its
 * name, counts them, and can be stopped and started again on the same port. What it answers is not what the tests
 * look at: which instance answered is.
 */
final class ReplicaUpstream {

    private final String name;
    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile HttpServer server;

    ReplicaUpstream(String name, int port) {
        this.name = name;
        this.port = port;
    }

    synchronized ReplicaUpstream start() throws IOException {
        HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        started.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); exchange) {
                in.readAllBytes();
                if (!exchange.getRequestURI().getPath().startsWith("/api/replicas")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                requests.incrementAndGet();
                byte[] body = ("{\"replica\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        started.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "replica-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        started.start();
        server = started;
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    int requests() {
        return requests.get();
    }
}
