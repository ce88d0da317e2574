package dev.dlforge.serve;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a port can be listened on, asked before the server starts, so that a busy port is one
 * line naming a free one ("port 8080 is in use; try --port 8081") instead of the HTTP library's
 * error log and stack trace.
 */
final class FreePort {
    /** Ports tried after the busy one when looking for a free one to suggest. */
    static final int SEARCHED = 100;

    private FreePort() {}

    /** Fails when {@code port} on {@code host} is taken, suggesting the next free port above it. */
    static void require(String host, int port) {
        if (port == 0 || isFree(host, port)) {
            return; // 0: the system picks a free port
        }
        for (int candidate = port + 1; candidate <= Math.min(65_535, port + SEARCHED); candidate++) {
            if (isFree(host, candidate)) {
                throw new DlforgeException("port " + port + " is in use; try --port " + candidate, "");
            }
        }
        throw new DlforgeException("port " + port + " is in use, and so are the " + SEARCHED + " above it; try --port 0 (any free port)", "");
    }

    /** A trial bind with the server's own address reuse (so a port in TIME_WAIT counts as free, as it does for the server). */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
