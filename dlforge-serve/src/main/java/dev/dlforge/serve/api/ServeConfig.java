package dev.dlforge.serve.api;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.serve.batch.BatchingConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How a server listens and what it accepts.
 *
 * @param host address to bind; 127.0.0.1 unless the user asks otherwise
 * @param port TCP port; 0 picks a free one
 * @param apiKey required on every API call when set (mandatory off loopback)
 * @param batching dynamic batching per model
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param timeoutMs a request not answered by then gets 504
 * @param security limits on misbehaving clients: foreign Host names, connections per address, idle timeouts
 */
public record ServeConfig(String host, int port, String apiKey, BatchingConfig batching, long maxBodyBytes, long timeoutMs,
        SecurityConfig security) {
    public static final long DEFAULT_MAX_BODY = 8L << 20;
    public static final long DEFAULT_TIMEOUT_MS = 30_000;

    public ServeConfig {
        host = bareHost(host);
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (maxBodyBytes < 1 || timeoutMs < 1 || port < 0 || port > 65535) {
            throw new DlforgeException("invalid server settings: port " + port + ", max body " + maxBodyBytes + ", timeout " + timeoutMs + " ms",
                    "use a port in 0-65535 and positive limits");
        }
        if (apiKey == null && !loopback(host)) {
            throw new DlforgeException("binding " + host + " would let other machines use the server without a key",
                    "pass --api-key KEY (or set DLFORGE_API_KEY), or bind 127.0.0.1");
        }
    }

    public ServeConfig(String host, int port, String apiKey, BatchingConfig batching, long maxBodyBytes, long timeoutMs) {
        this(host, port, apiKey, batching, maxBodyBytes, timeoutMs, SecurityConfig.defaults());
    }

    public static ServeConfig local(int port) {
        return new ServeConfig("127.0.0.1", port, null, BatchingConfig.defaults(), DEFAULT_MAX_BODY, DEFAULT_TIMEOUT_MS);
    }

    /** {@code http://HOST:PORT}, with an IPv6 address in brackets. */
    public String url(int boundPort) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
    }

    /** The address without the brackets of a URL's IPv6 form ({@code [::1] -> ::1}); an empty one is refused. */
    private static String bareHost(String host) {
        String h = host == null ? "" : host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            throw new DlforgeException("no address to bind: --host is empty",
                    "pass an address such as 127.0.0.1 (this machine only), ::1, or 0.0.0.0 (every interface, with --api-key)");
        }
        return h;
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new DlforgeException("cannot resolve host '" + host + "'", "pass an IP address such as 127.0.0.1 or 0.0.0.0");
        }
    }
}
