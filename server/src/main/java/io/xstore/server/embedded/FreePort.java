package io.xstore.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Currently free loopback ports, for listeners that must be named before they bind (embedded services, tests). */
public final class FreePort {

    private FreePort() {
    }

    static int pick() {
        return distinct(1)[0];
    }

    /** Distinct free ports: every socket stays open until all ports are picked. */
    public static int[] distinct(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets[i].setReuseAddress(true);
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
}
