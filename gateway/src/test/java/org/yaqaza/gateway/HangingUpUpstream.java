package org.yaqaza.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broken service that counts the connections the gateway opens to it and hangs up on each one, either at once
 * (before any byte of the request has arrived: with an {@code https://} URL the gateway's TLS handshake fails, so
 * the connection attempt itself fails, like a refused port, but can be counted) or after reading the request head
 * (the request was sent, then the connection was lost).
 */
final class HangingUpUpstream {

    private final ServerSocket server;
    private final boolean readRequestFirst;
    private final AtomicInteger connections = new AtomicInteger();

    private HangingUpUpstream(ServerSocket server, boolean readRequestFirst) {
        this.server = server;
        this.readRequestFirst = readRequestFirst;
    }

    /** Hangs up as soon as a connection is accepted. */
    static HangingUpUpstream atConnect() throws IOException {
        return start(false);
    }

    /** Hangs up once the request line and headers have arrived. */
    static HangingUpUpstream afterRequest() throws IOException {
        return start(true);
    }

    private static HangingUpUpstream start(boolean readRequestFirst) throws IOException {
        HangingUpUpstream upstream = new HangingUpUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                readRequestFirst);
        Thread acceptor = new Thread(upstream::serve, "hanging-up-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
        return upstream;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                if (readRequestFirst) {
                    readHead(socket.getInputStream());
                }
            } catch (IOException e) {
                // the gateway gave up on this connection first: the next one is counted all the same
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        int c;
        // up to the blank line that ends the head: CR LF CR LF
        while (matched < 4 && (c = in.read()) >= 0) {
            matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }
}
