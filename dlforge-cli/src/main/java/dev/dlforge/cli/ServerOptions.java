package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.serve.api.SecurityConfig;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code studio} share: where to listen, the key, batching, limits and client limits. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to bind (default: ${DEFAULT-VALUE}); any other needs --api-key")
    String host;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "key every API call must send (Authorization: Bearer KEY). Visible to every user in `ps`:"
                    + " prefer --api-key-file or $DLFORGE_API_KEY (default: $DLFORGE_API_KEY)")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "read the key from the first line of FILE (default: none)")
    Path apiKeyFile;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "also answer requests for this host name, e.g. a reverse proxy's (default: IP addresses, localhost and --host only)")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--connections-per-client", paramLabel = "N", defaultValue = "" + SecurityConfig.DEFAULT_CONNECTIONS_PER_CLIENT,
            description = "connections one client address may hold open; more are closed at once (default: ${DEFAULT-VALUE})")
    int connectionsPerClient;

    @Option(names = "--idle-timeout-ms", paramLabel = "MS", defaultValue = "" + SecurityConfig.DEFAULT_IDLE_TIMEOUT_MS,
            description = "close a connection that sends nothing for this long, mid-request or between requests (default: ${DEFAULT-VALUE})")
    long idleTimeoutMs;

    @Option(names = "--max-batch", defaultValue = "32", description = "most requests per forward pass (default: ${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--max-delay-ms", defaultValue = "5",
            description = "longest wait for a batch to fill after its first request (default: ${DEFAULT-VALUE})")
    int maxDelayMs;

    @Option(names = "--queue", defaultValue = "256", description = "requests that may wait per model; more get 429 (default: ${DEFAULT-VALUE})")
    int queue;

    @Option(names = "--max-body-mb", defaultValue = "8", description = "largest request body in MB (default: ${DEFAULT-VALUE})")
    int maxBodyMb;

    @Option(names = "--timeout-ms", defaultValue = "30000", description = "answer 504 after this long (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    /** The settings; {@code console} gets a warning when the key was given where other users can read it. */
    ServeConfig config(PrintStream console) {
        if (maxBatch < 1 || maxDelayMs < 0 || queue < 1 || maxBodyMb < 1) {
            throw new DlforgeException("--max-batch and --queue must be at least 1, --max-delay-ms at least 0, --max-body-mb at least 1",
                    "see --help");
        }
        SecurityConfig security = new SecurityConfig(allowedHosts, connectionsPerClient, idleTimeoutMs,
                Math.max(SecurityConfig.DEFAULT_MAX_THREADS, connectionsPerClient + 64));
        return new ServeConfig(host, port, key(console), new BatchingConfig(maxBatch, maxDelayMs, queue), (long) maxBodyMb << 20,
                timeoutMs, security);
    }

    /** --api-key, else --api-key-file, else $DLFORGE_API_KEY. */
    private String key(PrintStream console) {
        if (apiKey != null && apiKeyFile != null) {
            throw new DlforgeException("both --api-key and --api-key-file are given", "pass one of them");
        }
        if (apiKey != null) {
            console.println("warning: a key given with --api-key is visible to every user of this machine (ps, /proc);"
                    + " use --api-key-file FILE or $DLFORGE_API_KEY instead");
            return apiKey;
        }
        if (apiKeyFile != null) {
            try {
                String key = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                if (key.isEmpty()) {
                    throw new DlforgeException("the key file " + apiKeyFile + " is empty", "write the key on its first line");
                }
                return key;
            } catch (IOException | UncheckedIOException e) {
                throw new DlforgeException("cannot read the key file " + apiKeyFile + ": " + e.getMessage(),
                        "check the path and that this user may read it");
            }
        }
        return System.getenv("DLFORGE_API_KEY");
    }
}
