package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.llm.serving.ServingModel;
import dev.dlforge.serve.api.SecurityConfig;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.openai.LlmServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a GGUF language model with OpenAI's API and continuous batching: POST /v1/chat/completions, /v1/completions,"
                + " /v1/embeddings, GET /v1/models, /health; and a chat page in the browser at /studio/chat/ (/ redirects there)."
                + " Runs until Ctrl-C."})
final class LlmServeCommand implements Callable<Integer> {
    @ParentCommand
    LlmCommand group;

    @Parameters(index = "0", paramLabel = "MODEL.gguf", description = "the model (llama, mistral, qwen2 or gpt2 architecture)")
    Path model;

    @Option(names = "--name", description = "the model's name in the API (default: the file name without .gguf)")
    String name;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE}); any other needs --api-key")
    String host;

    @Option(names = "--api-key", paramLabel = "KEY", description = "key every API call must send (Authorization: Bearer KEY); default $DLFORGE_API_KEY")
    String apiKey;

    @Option(names = "--kv-budget", paramLabel = "BYTES", defaultValue = "512m",
            description = "memory for the KV cache of all sequences, e.g. 512m or 2g (default: ${DEFAULT-VALUE})")
    String kvBudget;

    @Option(names = "--max-queue", defaultValue = "64", description = "requests that may wait; one more gets 429 (default: ${DEFAULT-VALUE})")
    int maxQueue;

    @Option(names = "--max-running", defaultValue = "16", description = "sequences decoded together (default: ${DEFAULT-VALUE})")
    int maxRunning;

    @Option(names = "--token-budget", defaultValue = "256",
            description = "tokens per forward pass: decode tokens, then prompt chunks (default: ${DEFAULT-VALUE})")
    int tokenBudget;

    @Option(names = "--threads", description = "threads of the matrix products (default: the cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(model)) {
            throw new DlforgeException("no model file " + model, "pass the path of a .gguf file");
        }
        SchedulerConfig scheduling;
        try {
            scheduling = new SchedulerConfig(maxQueue, maxRunning, tokenBudget, bytes(kvBudget));
        } catch (IllegalArgumentException e) {
            throw new DlforgeException("invalid scheduler settings: " + e.getMessage(), "see dlforge llm serve --help");
        }
        String key = apiKey != null ? apiKey : System.getenv("DLFORGE_API_KEY");
        // generations take longer than one image: an idle timeout of two minutes, a request timeout of ten
        SecurityConfig security = new SecurityConfig(List.of(), SecurityConfig.DEFAULT_CONNECTIONS_PER_CLIENT, 120_000,
                SecurityConfig.DEFAULT_MAX_THREADS);
        ServeConfig config = new ServeConfig(host, port, key, BatchingConfig.defaults(), ServeConfig.DEFAULT_MAX_BODY, 600_000, security);
        String served = name != null ? name : model.getFileName().toString().replaceFirst("(?i)\\.gguf$", "");
        DecoderModel opened = ServingModel.open(model, threads != null ? threads : RowPool.defaultThreads());
        DecoderModel.ModelInfo info = opened.info();
        try (LlmServer server = LlmServer.start(config, scheduling, served, opened)) {
            var stats = server.llm().scheduler().stats();
            group.root.out.printf(Locale.ROOT, "serving %s (%s, %s, %,d parameters, context %d); KV cache %d blocks, %d bytes per token%n",
                    served, info.architecture(), info.tensorType(), info.parameters(), info.contextLength(), stats.totalBlocks(),
                    stats.bytesPerToken());
            group.root.out.println("dlforge llm serve: " + server.url() + "/v1  (OpenAI API; Ctrl-C to stop)");
            group.root.out.println("chat page: " + server.url() + LlmServer.CHAT_PAGE + (key != null ? "?key=KEY (the key once; the tab keeps it)" : ""));
            Servers.awaitShutdown();
        }
        return 0;
    }

    /** {@code 512m}, {@code 2g}, {@code 64k} or a plain count of bytes. */
    static long bytes(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = (long) (Double.parseDouble(t) * unit);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DlforgeException("--kv-budget " + text + " is not a size", "write it as bytes or with k, m or g, e.g. 512m or 2g");
        }
    }
}
