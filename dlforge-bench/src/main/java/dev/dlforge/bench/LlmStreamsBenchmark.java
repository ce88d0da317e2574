package dev.dlforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.model.RandomLlamaGguf;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.llm.serving.ServingModel;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.openai.LlmServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * {@code dlforge bench llm --streams}: continuous batching measured through the HTTP server. The same requests (random
 * prompts, greedy, {@code max_tokens} decoded whatever the model says) run with 1, 4 and 16 streams at once and one by
 * one; aggregate decode tok/s of each and their ratio, time to first token p50/p99, KV bytes per sequence, and heap and
 * resident memory over 1,000 short streamed requests. Speed needs no trained weights: a random Llama GGUF.
 */
final class LlmStreamsBenchmark {
    /** The model: hidden 512, 8 layers, GQA 8/4, FFN 1536, vocabulary 32,000 (~60M parameters) unless realistic. */
    static RandomLlamaGguf.Spec small(GgmlType type) {
        return new RandomLlamaGguf.Spec(512, 8, 8, 4, 1536, 32000, 2048, type, false, 42);
    }

    record Setup(GgmlType type, boolean realistic, int threads, int promptTokens, int maxTokens, int memoryRequests) { }

    /** One streamed request: when its first token came and how many it got. */
    private record Stream1(double ttftMs, int tokens) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LlmStreamsBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Runs it; true when 16 streams reach >= 5x the tok/s of the same requests one by one. */
    boolean run(Path dir, Setup s) throws Exception {
        RandomLlamaGguf.Spec spec = s.realistic() ? RandomLlamaGguf.Spec.realistic(s.type()) : small(s.type());
        Path file = dir.resolve("random-llama-" + spec.dim() + "x" + spec.layers() + "-" + s.type().name().toLowerCase(Locale.ROOT) + ".gguf");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            RandomLlamaGguf.write(spec, file);
        }
        out.printf(Locale.ROOT, "model: %s (%,d parameters, %s), %d threads; %d prompt tokens, %d decoded per request%n", file,
                spec.parameters(), s.type(), s.threads(), s.promptTokens(), s.maxTokens());
        SchedulerConfig scheduling = new SchedulerConfig(1024, 16, 256, 1L << 30);
        double ratio16 = 0;
        try (LlmServer server = LlmServer.start(ServeConfig.local(0), scheduling, "bench", ServingModel.open(file, s.threads()))) {
            String url = server.url() + "/v1/completions";
            run(url, 1, s, new SplittableRandom(0)); // warm-up: JIT, pages of the weights
            out.println("streams  aggregate tok/s  one-by-one tok/s  ratio  TTFT p50 ms  TTFT p99 ms");
            for (int streams : new int[] {1, 4, 16}) {
                SplittableRandom random = new SplittableRandom(streams);
                List<int[]> prompts = new ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    prompts.add(prompt(random, s.promptTokens()));
                }
                long t0 = System.nanoTime();
                List<Stream1> together = concurrently(url, prompts, s.maxTokens(), streams);
                double togetherS = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                List<Stream1> alone = concurrently(url, prompts, s.maxTokens(), 1);
                double aloneS = (System.nanoTime() - t1) / 1e9;
                double agg = tokens(together) / togetherS;
                double seq = tokens(alone) / aloneS;
                double[] ttft = together.stream().mapToDouble(Stream1::ttftMs).sorted().toArray();
                out.printf(Locale.ROOT, "%7d  %15.1f  %16.1f  %5.2f  %11.0f  %11.0f%n", streams, agg, seq, agg / seq, percentile(ttft, 50),
                        percentile(ttft, 99));
                if (streams == 16) {
                    ratio16 = agg / seq;
                }
            }
            out.printf(Locale.ROOT, "KV cache: %d bytes per token; a sequence of %d tokens holds %,d bytes (whole %d-token blocks)%n",
                    server.llm().scheduler().stats().bytesPerToken(), s.promptTokens() + s.maxTokens(),
                    server.llm().scheduler().kvBytes(s.promptTokens() + s.maxTokens()), 16);
            memory(url, s);
        }
        boolean met = ratio16 >= 5;
        out.printf(Locale.ROOT, "target: 16 streams >= 5x one by one %s (%.2fx)%n", met ? "met" : "MISSED", ratio16);
        return met;
    }

    private void run(String url, int n, Setup s, SplittableRandom random) throws Exception {
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prompts.add(prompt(random, s.promptTokens()));
        }
        concurrently(url, prompts, s.maxTokens(), n);
    }

    /** 1,000 short streamed requests, 16 at a time: heap after GC and RSS every 100. */
    private void memory(String url, Setup s) throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        out.println("requests  heap after GC MB  RSS MB");
        for (int done = 0; done < s.memoryRequests(); done += 100) {
            List<int[]> prompts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                prompts.add(prompt(random, 16));
            }
            concurrently(url, prompts, 4, 16);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf(Locale.ROOT, "%8d  %16.1f  %6.1f%n", done + 100, heap / 1048576.0, rss() / 1048576.0);
        }
    }

    private List<Stream1> concurrently(String url, List<int[]> prompts, int maxTokens, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<CompletableFuture<Stream1>> all = new ArrayList<>();
            for (int[] p : prompts) {
                all.add(CompletableFuture.supplyAsync(() -> stream(url, p, maxTokens), pool));
            }
            List<Stream1> results = new ArrayList<>();
            for (CompletableFuture<Stream1> f : all) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private Stream1 stream(String url, int[] prompt, int maxTokens) {
        try {
            String body = JSON.writeValueAsString(java.util.Map.of("prompt", prompt, "max_tokens", maxTokens, "temperature", 0, "stream", true,
                    "ignore_eos", true, "stream_options", java.util.Map.of("include_usage", true)));
            long t0 = System.nanoTime();
            HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            double[] ttft = {-1};
            int[] tokens = {0};
            r.body().forEach(line -> {
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    return;
                }
                try {
                    JsonNode chunk = JSON.readTree(line.substring(6));
                    if (ttft[0] < 0 && chunk.path("choices").size() > 0 && !chunk.path("choices").get(0).path("text").asText().isEmpty()) {
                        ttft[0] = (System.nanoTime() - t0) / 1e6;
                    }
                    if (chunk.path("usage").isObject()) {
                        tokens[0] = chunk.path("usage").path("completion_tokens").asInt();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("a chunk that is not JSON: " + line, e);
                }
            });
            return new Stream1(ttft[0], tokens[0]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int[] prompt(SplittableRandom random, int n) {
        int[] ids = new int[n];
        ids[0] = RandomLlamaGguf.BOS;
        for (int i = 1; i < n; i++) {
            ids[i] = RandomLlamaGguf.FIRST_PIECE + random.nextInt(30000);
        }
        return ids;
    }

    private static int tokens(List<Stream1> streams) {
        return streams.stream().mapToInt(Stream1::tokens).sum();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
