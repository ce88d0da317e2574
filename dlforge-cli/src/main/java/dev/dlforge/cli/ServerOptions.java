package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code studio} share: where to listen, the key, batching and limits. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to bind (default: ${DEFAULT-VALUE}); any other needs --api-key")
    String host;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:DLFORGE_API_KEY}",
            description = "key every API call must send (Authorization: Bearer KEY); default: $DLFORGE_API_KEY")
    String apiKey;

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

    ServeConfig config() {
        if (maxBatch < 1 || maxDelayMs < 0 || queue < 1 || maxBodyMb < 1) {
            throw new DlforgeException("--max-batch and --queue must be at least 1, --max-delay-ms at least 0, --max-body-mb at least 1",
                    "see --help");
        }
        return new ServeConfig(host, port, apiKey, new BatchingConfig(maxBatch, maxDelayMs, queue), (long) maxBodyMb << 20, timeoutMs);
    }
}
