package dev.dlforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.ProcessMemory;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.serving.DemoSample;
import dev.dlforge.projects.serving.Payload;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.serve.ModelServer;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.load.LoadGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dlforge bench serve}: the API under a bounded load on loopback. Client threads and the
 * server share the machine, as they would on a one-box deployment. Reports throughput with
 * dynamic batching ({@code --max-batch 32}) against one request per forward pass, latency
 * percentiles, wrong or lost answers (must be none), 429s when the queue is overfull, and RSS over
 * 10,000 requests.
 */
public final class ServeBenchmark {
    private static final int WARMUP = 1_000;
    private final RunDir run;
    private final List<byte[]> pictures = new ArrayList<>();
    private final List<JsonNode> expected = new ArrayList<>();
    private final PrintStream out;

    /** Settings; defaults as documented in docs/BENCHMARKS.md. */
    public record Setup(int clients, int requests, int repeats, int maxDelayMs) {}

    /** Test-set pictures of the run's dataset and, for each, the answer the model gives it alone. */
    public ServeBenchmark(Serves project, RunDir run, PrintStream out) throws IOException {
        this.run = run;
        this.out = out;
        List<DemoSample> samples = project.demoSamples(run, 256);
        if (samples.isEmpty()) {
            throw new DlforgeException("no test pictures for run " + run.id() + " (its dataset is not cached)",
                    "run `dlforge data fetch " + run.info().recipe().path("dataset").asText() + "`");
        }
        try (Predictor<?, ?> predictor = project.predictor(run.model())) {
            for (DemoSample s : samples) {
                pictures.add(s.bytes());
                expected.add(Json.MAPPER.valueToTree(alone(predictor, s)));
            }
        }
    }

    private static <I, O extends Output> O alone(Predictor<I, O> p, DemoSample s) {
        return p.predict(List.of(p.decode(new Payload(s.contentType(), s.bytes(), Map.of())))).get(0);
    }

    /** Runs every phase and prints the tables; false when a goal is missed. */
    public boolean run(Setup setup) throws InterruptedException {
        out.printf(Locale.ROOT, "model %s (%s), %d distinct test pictures, %d clients, %d requests per run, --max-delay-ms %d%n",
                run.id(), run.info().project(), pictures.size(), setup.clients(), setup.requests(), setup.maxDelayMs());
        out.printf(Locale.ROOT, "%-12s %-4s %10s %9s %9s %6s %8s %6s%n", "max-batch", "run", "req/s", "p50 ms", "p99 ms", "ok", "wrong", "other");
        List<Double> batched = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        boolean clean = true;
        for (int r = 1; r <= setup.repeats(); r++) {
            for (int maxBatch : new int[] {32, 1}) {
                LoadGenerator.Result res = load(new BatchingConfig(maxBatch, setup.maxDelayMs(), 1024), setup.requests(), setup.clients());
                (maxBatch == 32 ? batched : single).add(res.throughput());
                clean &= res.mismatched() == 0 && res.failed() == 0 && res.refused() == 0;
                out.printf(Locale.ROOT, "%-12d %-4d %10.0f %9.1f %9.1f %6d %8d %6d%s%n", maxBatch, r, res.throughput(), res.p50Ms(), res.p99Ms(),
                        res.ok(), res.mismatched(), res.failed() + res.refused(), res.failures().isEmpty() ? "" : "  " + res.failures());
            }
        }
        double ratio = SpeedBenchmark.median(batched) / SpeedBenchmark.median(single);
        out.printf(Locale.ROOT, "median: --max-batch 32 %.0f req/s, --max-batch 1 %.0f req/s -> %.2fx (goal >= 3x)%n",
                SpeedBenchmark.median(batched), SpeedBenchmark.median(single), ratio);

        LoadGenerator.Result overfull = load(new BatchingConfig(32, setup.maxDelayMs(), 16), 3_000, 128);
        out.printf(Locale.ROOT, "overfull (--queue 16, 128 clients, 3,000 requests): %d ok, %d 429, %d wrong, %d other%n",
                overfull.ok(), overfull.refused(), overfull.mismatched(), overfull.failed());
        clean &= overfull.refused() > 0 && overfull.mismatched() == 0 && overfull.failed() == 0;

        double[] rss = memory(setup);
        out.printf(Locale.ROOT, "memory: RSS %.0f MB after %,d warm-up requests, %.0f MB after 5,000 more, %.0f MB after 10,000 (%+.1f%%)%n",
                rss[0], 2_000, rss[1], rss[2], 100 * (rss[2] / rss[0] - 1));
        return clean && ratio >= 3;
    }

    private LoadGenerator.Result load(BatchingConfig batching, int requests, int clients) throws InterruptedException {
        try (ModelServer server = ModelServer.start(config(batching), Map.of("m", run.model()))) {
            LoadGenerator load = generator(server);
            load.run(WARMUP, clients);
            return load.run(requests, clients);
        }
    }

    private double[] memory(Setup setup) throws InterruptedException {
        try (ModelServer server = ModelServer.start(config(new BatchingConfig(32, setup.maxDelayMs(), 1024)), Map.of("m", run.model()))) {
            LoadGenerator load = generator(server);
            load.run(2_000, setup.clients());
            double before = ProcessMemory.rssMegabytes();
            load.run(5_000, setup.clients());
            double middle = ProcessMemory.rssMegabytes();
            load.run(5_000, setup.clients());
            return new double[] {before, middle, ProcessMemory.rssMegabytes()};
        }
    }

    private static ServeConfig config(BatchingConfig batching) {
        return new ServeConfig("127.0.0.1", 0, null, batching, ServeConfig.DEFAULT_MAX_BODY, ServeConfig.DEFAULT_TIMEOUT_MS);
    }

    private LoadGenerator generator(ModelServer server) {
        return new LoadGenerator(URI.create(server.http().url() + "/v1/models/m/predict"), "image/png", pictures,
                (i, body) -> sameAnswer(expected.get(i), body));
    }

    /** The same probability for every class, up to batched-versus-alone float rounding. */
    static boolean sameAnswer(JsonNode expected, String body) {
        try {
            Map<String, Double> want = probabilities(expected);
            Map<String, Double> got = probabilities(Json.MAPPER.readTree(body).get("result"));
            return want.keySet().equals(got.keySet())
                    && want.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - got.get(e.getKey())) <= 1e-4);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Double> probabilities(JsonNode result) {
        Map<String, Double> p = new HashMap<>();
        result.get("top").forEach(s -> p.put(s.get("label").asText(), s.get("probability").asDouble()));
        return p;
    }
}
