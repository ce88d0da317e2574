package dev.dlforge.serve.api;

import dev.dlforge.core.DlforgeException;
import java.util.List;

/**
 * What the server does against clients that misbehave, beyond the body cap and the key
 * (docs/SERVING.md, "Security model").
 *
 * @param allowedHosts host names answered besides IP literals, localhost and the bound host
 *     (DNS-rebinding defence); a reverse proxy's public name goes here
 * @param connectionsPerClient connections one client address may hold open at once; more are closed
 *     on opening (slowloris defence). High enough for a 200-client load test from one machine
 * @param idleTimeoutMs a connection that sends nothing for this long, while its headers or body are
 *     awaited or between requests, is closed
 * @param maxThreads request threads; blocked body reads each hold one, so it must stay well above
 *     {@code connectionsPerClient}
 */
public record SecurityConfig(List<String> allowedHosts, int connectionsPerClient, long idleTimeoutMs, int maxThreads) {
    public static final int DEFAULT_CONNECTIONS_PER_CLIENT = 256;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_MAX_THREADS = 600;

    public SecurityConfig {
        allowedHosts = List.copyOf(allowedHosts);
        if (connectionsPerClient < 1 || idleTimeoutMs < 100 || maxThreads < connectionsPerClient + 16) {
            throw new DlforgeException("invalid client limits: " + connectionsPerClient + " connections per client, idle timeout "
                    + idleTimeoutMs + " ms, " + maxThreads + " threads",
                    "use at least 1 connection per client, an idle timeout of at least 100 ms, and more threads than connections per client");
        }
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(List.of(), DEFAULT_CONNECTIONS_PER_CLIENT, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_THREADS);
    }
}
