package org.yaqaza.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that is quick to close keep-alive connections, as a server whose idle timeout is much shorter than the
 * gateway's keep-alive would be: an idle connection is closed after 50 to 200 ms, and after one answer in ten the
 * idle timer is 1 to 2 ms, so that it runs out right as the gateway's next request arrives. Like a real server's
 * timer it is reset by a request that arrives first. It answers every request it reads with 200 and a small JSON
 * body, and counts what it closed.
 */
final class ClosingUpstream {

    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private final AtomicInteger closedAfterAnswer = new AtomicInteger();

    private ClosingUpstream(ServerSocket server) {
        this.server = server;
    }

    static ClosingUpstream start() throws IOException {
        ClosingUpstream upstream = new ClosingUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(upstream::accept, "closing-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
        return upstream;
    }

    int port() {
        return server.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    int connections() {
        return connections.get();
    }

    /** Connections this upstream closed while the gateway still held them in its pool. */
    int closedUnderTheGateway() {
        return closedIdle.get() + closedAfterAnswer.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread worker = new Thread(() -> serve(socket), "closing-upstream-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                // the next connection is served all the same
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean answered = false;
            while (true) {
                // an idle timer like a real server's: data that arrives first is served, otherwise the connection
                // is closed; one time in ten the timer is so short that it runs out as the next request comes
                // (a new connection gets its first request at once; on a machine this busy, "at once" may take a
                // while, and that is not what this upstream is about: keep-alive connections being reused)
                boolean racing = answered && random.nextInt(10) == 0;
                socket.setSoTimeout(!answered ? 10_000 : racing ? 1 + random.nextInt(2) : random.nextInt(50, 201));
                int first;
                try {
                    first = in.read();
                } catch (SocketTimeoutException idle) {
                    (racing ? closedAfterAnswer : closedIdle).incrementAndGet();
                    return;
                }
                if (first < 0) {
                    return;
                }
                socket.setSoTimeout(10_000);
                long length = readHead(first, in);
                in.readNBytes((int) length);
                requests.incrementAndGet();
                byte[] body = "{\"served\":true}".getBytes(StandardCharsets.UTF_8);
                byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                byte[] response = new byte[head.length + body.length];
                System.arraycopy(head, 0, response, 0, head.length);
                System.arraycopy(body, 0, response, head.length, body.length);
                out.write(response);
                out.flush();
                answered = true;
            }
        } catch (IOException e) {
            // the gateway went away first
        }
    }

    /** Reads the request head after its first byte; returns the Content-Length (0 without one). */
    private static long readHead(int first, InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        int c = first;
        while (c >= 0) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).trim();
                if (text.isEmpty()) {
                    return length;
                }
                if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(text.substring("content-length:".length()).trim());
                }
                line.reset();
            } else {
                line.write(c);
            }
            c = in.read();
        }
        throw new IOException("connection closed inside a request head");
    }
}
