package dev.dlforge.serve.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.Connection;

/**
 * At most {@code perAddress} connections open at once from one client address; the next is closed
 * as soon as it opens. Every blocked body read holds a server thread, so without a cap one client
 * holding hundreds of stalled uploads (slowloris) takes every thread and stalls everyone else.
 */
public final class ConnectionCap implements Connection.Listener {
    private final int perAddress;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    /** Each open connection's client address: a closed socket no longer tells it. */
    private final Map<Connection, InetAddress> owners = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    public ConnectionCap(int perAddress) {
        this.perAddress = perAddress;
    }

    @Override
    public void onOpened(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return;
        }
        InetAddress address = inet.getAddress();
        owners.put(connection, address);
        if (open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > perAddress) {
            refused.increment();
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = owners.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Connections closed at once because their address already had {@code perAddress} open. */
    public long refused() {
        return refused.sum();
    }
}
