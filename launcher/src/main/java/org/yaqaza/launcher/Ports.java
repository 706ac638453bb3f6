package org.yaqaza.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Port checks done before anything starts, so that a taken port fails fast with a clear message. */
public final class Ports {

    private Ports() {
    }

    /**
     * True when nothing listens on {@code port}: binding the wildcard address fails on Linux while any socket
     * listens on that port on any local address.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            return false;
        }
        // something bound to the loopback address only with SO_REUSEPORT could still pass the bind above
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Fails with a message that names the port and who needs it. */
    public static void requireFree(int port, String neededBy) {
        if (!isFree(port)) {
            throw new LauncherException("port " + port + " (" + neededBy + ") is already in use. Stop what uses it"
                    + " (`./yaqaza status` / `./yaqaza down` if it is an earlier Yaqaza suite; otherwise e.g."
                    + " `ss -ltnp 'sport = :" + port + "'` shows the process) and try again.");
        }
    }

    /** A port that was free a moment ago (for tests and benchmarks that must not collide with a running suite). */
    public static int freePort() {
        return freePorts(1)[0];
    }

    /**
     * {@code count} distinct ports that were free a moment ago. All are held open until the last is chosen: asked
     * one after the other, the kernel may hand out the same port twice, and two services of one suite would then
     * race for it.
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new LauncherException("no free local port: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used cannot lose anything
                }
            }
        }
    }
}
