package io.xstore.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Currently free loopback ports, for listeners that must be named before they bind (embedded services, tests). */
public final class FreePort {

    private static final int LOWEST = 10_000;
    private static final int BELOW_EPHEMERAL = 32_768;
    private static final int ATTEMPTS = 200;

    private FreePort() {
    }

    static int pick() {
        return distinct(1)[0];
    }

    /**
     * Distinct free ports: every socket stays open until all ports are picked. They are taken below the ephemeral
     * range the OS hands to outgoing connections (Linux 32768-60999, others higher): a port picked there could be
     * taken by a client connection of the embedded services before its listener binds it.
     */
    public static int[] distinct(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = bindBelowEphemeralRange();
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // nothing was bound through it
                }
            }
        }
    }

    /** A socket bound to a free port in [10000, 32768), or to any free port when none was found there. */
    private static ServerSocket bindBelowEphemeralRange() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(BELOW_EPHEMERAL - LOWEST);
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return socket;
            } catch (IOException taken) {
                socket.close();
            }
        }
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        return socket;
    }
}
