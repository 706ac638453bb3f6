package org.yaqaza.systemtest.security.differential;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.yaqaza.systemtest.scenarios.Gateway;

/** A server-sent event stream read through the gateway: every event with its id, name and data, in order. */
final class EventStream implements AutoCloseable {

    /** One event as the stream sent it. */
    record Event(String id, String name, String data) {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    static EventStream open(Gateway gw, String path, String caller) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gw.url() + path))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + gw.token(caller))
                .GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> future = gw.http().sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        EventStream stream = new EventStream(future);
        future.thenAcceptAsync(r -> {
            if (r.statusCode() != 200) {
                stream.events.add(new Event(null, "http-" + r.statusCode(), ""));
                return;
            }
            String[] current = { null, null, "" };
            try {
                r.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        current[0] = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        current[2] = current[2] + line.substring(5).strip();
                    } else if (line.isEmpty() && (current[1] != null || !current[2].isEmpty())) {
                        stream.events.add(new Event(current[0], current[1] == null ? "message" : current[1],
                                current[2]));
                        current[0] = null;
                        current[1] = null;
                        current[2] = "";
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return stream;
    }

    /** The next event matching {@code wanted} (the events before it are kept in {@link #seen()}), or null. */
    Event await(Predicate<Event> wanted, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Event event;
            try {
                event = events.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (event == null) {
                return null;
            }
            seen.add(event);
            if (event.name().startsWith("http-")) {
                throw new IllegalStateException("the stream answered " + event.name());
            }
            if (wanted.test(event)) {
                return event;
            }
        }
        return null;
    }

    /** Every event received so far, in order. */
    List<Event> seen() {
        events.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
