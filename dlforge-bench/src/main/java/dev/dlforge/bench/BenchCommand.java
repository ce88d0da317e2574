package dev.dlforge.bench;

import dev.dlforge.cli.Dlforge;
import dev.dlforge.cli.DlforgeSubcommand;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.data.DatasetFiles;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.FashionMnist;
import dev.dlforge.data.datasets.ImageClassificationDataset;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.models.retrieval.IndexBenchmark;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.rag.RagProject;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.gpt.GptRecipe;
import dev.dlforge.projects.Evaluates.BenchmarkTarget;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.Trains;
import dev.dlforge.serve.DlforgeServer;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.load.ChildProcessServer;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks, run on demand (never in CI): exit status 1 when a target is missed.",
                "  speed    dlforge vs PyTorch (Debian python3-torch) training the pytorch/examples MNIST Net",
                "  serve    the HTTP API under load: dynamic batching vs one request per pass, latency, 429s, memory",
                "  serve --attack  image bombs, cross-site requests and 300 slow clients against a studio on loopback (--url for a"
                        + " running one, --pid for its memory); exit 1 when an attack gets through",
                "  gpt      nanoGPT's baby run on Moby-Dick characters, dlforge vs a PyTorch reference: val loss (within 0.05),"
                        + " training tokens/s (target >= 2x), decode tokens/s with and without the KV cache, memory",
                "  embeddings  MiniLM sentence embeddings: dlforge vs langchain4j's in-process model, sentences/s (target >= 1.0x)",
                "  rag      the Lucene chunk index at 100k chunks (build time, query p50/p99, size, RSS; random vectors unless --embed),"
                        + " then the WordNet retrieval evaluation (recall@1/5/10, MRR of BM25, vector, hybrid, and the paper's RRF for reference)",
                "  studio-memory  --trainings small digits, fashion, spam and pos runs in turn through a studio's HTTP API (one"
                        + " started here in a JVM of its own, or --url with --pid), its RSS after each; target: the last within 300 MB"
                        + " of the 2nd (the runs go into the home's run list)",
                "  llm      the pure-Java LLM engine vs llama.cpp (de.kherud:llama) on a random ~1.1B Llama GGUF (--type Q4_0 or Q8_0):"
                        + " single-stream decode and prefill tok/s, roofline (target: decode >= 0.90x llama.cpp); with --streams,"
                        + " 1/4/16 streams through the OpenAI server vs one by one (target: >= 5x at 16), TTFT, KV bytes, memory",
                "  PROJECT  train the project's default recipes and check their headline metrics"})
public final class BenchCommand implements Callable<Integer>, DlforgeSubcommand {
    @ParentCommand
    Dlforge root;

    @Parameters(paramLabel = "TARGET", description = "speed, serve, embeddings, or a project id")
    String target;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300", description = "speed: training steps per run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "speed, serve, embeddings, gpt: runs of each side, alternated"
            + " (gpt: seeds 1337, 1338, ...; default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--iters", paramLabel = "N", defaultValue = "2000", description = "gpt: training iterations, a multiple of 250 (default: ${DEFAULT-VALUE})")
    int iters;

    @Option(names = "--run", paramLabel = "RUN", defaultValue = "fashion",
            description = "serve: the model to load (a project for its current model: the pinned run, else the newest completed;"
                    + " or a run id, project/run-id or folder; default: ${DEFAULT-VALUE})")
    String run;

    @Option(names = "--attack", description = "serve: the hardening attacks instead of the load test (see above)")
    boolean attack;

    @Option(names = "--url", paramLabel = "URL",
            description = "serve --attack, studio-memory: a running server on loopback, e.g. http://127.0.0.1:8080 (default: start a studio)")
    URI url;

    @Option(names = "--pid", paramLabel = "PID", defaultValue = "-1",
            description = "serve --attack --url, studio-memory --url: the server's process id, for its RSS (default: unknown)")
    long pid;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "32", description = "serve: concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "4000", description = "serve: requests per run (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--sentences", paramLabel = "N", defaultValue = "2000", description = "embeddings: sentences per run (default: ${DEFAULT-VALUE})")
    int sentences;

    @Option(names = "--chunks", paramLabel = "N", defaultValue = "100000", description = "rag: chunks in the index benchmark (default: ${DEFAULT-VALUE})")
    int chunks;

    @Option(names = "--embed",
            description = "rag: embed the benchmark's chunks with MiniLM instead of random vectors (slow: every chunk goes through the model)")
    boolean embed;

    @Option(names = "--trainings", paramLabel = "N", defaultValue = "30", description = "studio-memory: trainings in a row (default: ${DEFAULT-VALUE})")
    int trainings;

    @Override
    public int helpOrder() {
        return 100;
    }

    @Override
    public Integer call() throws Exception {
        return switch (target) {
            case "speed" -> speed();
            case "serve" -> serve();
            case "embeddings" -> embeddings();
            case "gpt" -> gpt();
            case "rag" -> rag();
            case "studio-memory" -> studioMemory();
            case "llm" -> llm();
            default -> accuracy(Catalogue.standard().capable(target, Trains.class), Catalogue.standard().capable(target, Evaluates.class));
        };
    }

    private int serve() throws Exception {
        if (attack) {
            return attack();
        }
        if (clients < 1 || clients > 512 || requests < 100 || repeats < 1) {
            throw new DlforgeException("--clients must be 1..512, --requests at least 100, --repeats at least 1", "leave them out for the defaults");
        }
        RunDir model = new RunStore(DlforgeHome.current()).resolveModel(run);
        if (!Files.isRegularFile(model.model().resolve("model.json"))) {
            throw new DlforgeException("run " + model.id() + " has no trained model", "train one first: `dlforge train fashion`");
        }
        root.err().println("using run " + model.info().project() + "/" + model.id() + " (" + model.info().status() + ", " + model.path() + ")");
        Serves project = Catalogue.standard().capable(model.info().project(), Serves.class);
        var bench = new ServeBenchmark(project, model, root.out());
        return bench.run(new ServeBenchmark.Setup(clients, requests, repeats, 5)) ? 0 : 1;
    }

    /** The attacks against {@code --url}, or against a studio started here on a free port (serving the newest completed runs). */
    private int attack() throws Exception {
        if (url != null) {
            checkLoopback(url);
            return new AttackBenchmark(url, pid, root.out()).run() ? 0 : 1;
        }
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ServeConfig config = ServeConfig.local(0);
        try (ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
                Studio studio = new Studio(catalogue, new RunStore(DlforgeHome.current()), registry, root.out());
                DlforgeServer http = DlforgeServer.start(config, registry, catalogue, metrics, studio)) {
            boolean refused = new AttackBenchmark(URI.create(http.url()), ProcessHandle.current().pid(), root.out()).run();
            root.out().println("connections the server closed on opening (per-address cap): " + http.refusedConnections());
            studio.jobs().await(60_000);
            return refused ? 0 : 1;
        }
    }

    private static void checkLoopback(URI url) throws IOException {
        if (url.getHost() == null || !InetAddress.getByName(url.getHost()).isLoopbackAddress() || url.getPort() < 0) {
            throw new DlforgeException("--url must be a server on this machine's loopback with its port, e.g. http://127.0.0.1:8080",
                    "benchmark only servers of your own, on loopback");
        }
    }

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "Q4_0",
            description = "llm: tensor type of the model, Q4_0 or Q8_0 (default: ${DEFAULT-VALUE})")
    String llmType;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "llm: threads of both engines (default: every core)")
    int llmThreads;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "32", description = "llm: decoded tokens per run (default: ${DEFAULT-VALUE})")
    int llmTokens;

    @Option(names = "--prefill", paramLabel = "N", defaultValue = "128", description = "llm: prompt tokens of the prefill runs (default: ${DEFAULT-VALUE})")
    int llmPrefill;

    @Option(names = "--streams", description = "llm: continuous batching through the HTTP server instead (1, 4, 16 streams vs one by one,"
            + " TTFT, KV bytes, memory over 1,000 requests) on a ~60M model; --realistic for the ~1.1B one")
    boolean llmStreams;

    @Option(names = "--realistic", description = "llm --streams: the ~1.1B model instead of the ~60M one")
    boolean llmRealistic;

    private int llm() throws Exception {
        dev.dlforge.llm.gguf.GgmlType type;
        try {
            type = dev.dlforge.llm.gguf.GgmlType.valueOf(llmType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DlforgeException("--type " + llmType + " is not a tensor type", "use Q4_0 or Q8_0");
        }
        int threads = llmThreads > 0 ? llmThreads : Runtime.getRuntime().availableProcessors();
        Path dir = DlforgeHome.current().root().resolve("bench").resolve("llm");
        if (llmStreams) {
            return new LlmStreamsBenchmark(root.out()).run(dir, new LlmStreamsBenchmark.Setup(type, llmRealistic, threads, llmPrefill, llmTokens,
                    1000)) ? 0 : 1;
        }
        root.out().println("model: " + dir + " (written once, ~1.1B random weights)");
        Path file = LlmBenchmark.model(dir, type);
        LlmBenchmark.Result r = new LlmBenchmark(root.out()).run(file, new LlmBenchmark.Setup(type, threads, repeats, llmTokens, llmPrefill));
        boolean met = r.decodeRatio() >= 0.90;
        root.out().printf(Locale.ROOT, "target: decode >= 0.90x llama.cpp %s (%.2fx)%n", met ? "met" : "MISSED", r.decodeRatio());
        return met ? 0 : 1;
    }

    /** Trainings through --url's studio, or through one started here in a JVM of its own with this JVM's options. */
    private int studioMemory() throws Exception {
        if (trainings < 3) {
            throw new DlforgeException("--trainings must be at least 3", "leave it out for 30");
        }
        Path dir = DlforgeHome.current().root().resolve("bench");
        Files.createDirectories(dir);
        Path plot = dir.resolve("studio-memory.png");
        if (url != null) {
            checkLoopback(url);
            if (pid < 0) {
                throw new DlforgeException("--url needs --pid, the studio's process id, to read its memory", "pass --pid PID (see `pgrep -f studio`)");
            }
            var bench = new StudioMemoryBenchmark(url, pid, root.out());
            return bench.report(bench.run(trainings, plot), plot) ? 0 : 1;
        }
        List<String> command = ChildProcessServer.javaCommand(ManagementFactory.getRuntimeMXBean().getInputArguments(), Dlforge.class.getName(),
                List.of("studio", "--port", "0"));
        Path log = dir.resolve("studio-memory.log");
        try (ChildProcessServer studio = ChildProcessServer.start(command, Map.of(), log, Duration.ofMinutes(2))) {
            root.out().println("studio started for the benchmark; its output: " + log);
            var bench = new StudioMemoryBenchmark(studio.url(), studio.pid(), root.out());
            return bench.report(bench.run(trainings, plot), plot) ? 0 : 1;
        }
    }

    private int gpt() throws Exception {
        int interval = GptRecipe.defaults().train().evalInterval();
        if (iters < interval || iters % interval != 0 || repeats < 1) {
            throw new DlforgeException("--iters must be a positive multiple of " + interval + " (the validation interval), --repeats at least 1",
                    "leave them out for nanoGPT's 2,000 iterations and 3 seeds");
        }
        List<GptBenchmark.Result> results = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            results.add(new GptBenchmark(root.out()).run(iters, 1337 + i));
        }
        root.out().println();
        root.out().printf(Locale.ROOT, "%-6s %-8s %15s %17s %15s %14s %14s%n", "seed", "side", "full val loss", "sampled val loss",
                "train tokens/s", "decode cached", "decode no cache");
        for (GptBenchmark.Result r : results) {
            root.out().printf(Locale.ROOT, "%-6d %-8s %15.4f %17.4f %15.0f %14.0f %14.0f%n", r.seed(), "dlforge", r.dlforge().fullValLoss(),
                    r.dlforge().sampledValLoss(), r.dlforge().tokensPerSecond(), r.cachedDecode(), r.uncachedDecode());
            root.out().printf(Locale.ROOT, "%-6d %-8s %15.4f %17.4f %15.0f%n", r.seed(), "pytorch", r.pytorch().fullValLoss(),
                    r.pytorch().sampledValLoss(), r.pytorch().tokensPerSecond());
            root.out().printf(Locale.ROOT, "       rss per validation (MB): %s%n", r.rssMb());
        }
        double ours = SpeedBenchmark.median(results.stream().map(r -> r.dlforge().fullValLoss()).toList());
        double theirs = SpeedBenchmark.median(results.stream().map(r -> r.pytorch().fullValLoss()).toList());
        double ratio = SpeedBenchmark.median(results.stream().map(r -> r.dlforge().tokensPerSecond() / r.pytorch().tokensPerSecond()).toList());
        double cache = SpeedBenchmark.median(results.stream().map(r -> r.cachedDecode() / r.uncachedDecode()).toList());
        double gap = Math.abs(ours - theirs);
        root.out().printf(Locale.ROOT, "median full val loss: dlforge %.4f, pytorch %.4f (nanoGPT's README: 1.88 on Shakespeare characters, sampled)%n",
                ours, theirs);
        root.out().printf(Locale.ROOT, "median decode speed-up from the KV cache: %.1fx%n", cache);
        root.out().printf(Locale.ROOT, "target: val loss within 0.05 of PyTorch (gap %.4f) %s; training speed >= 2x PyTorch (median %.2fx) %s%n",
                gap, gap <= 0.05 ? "MET" : "MISSED", ratio, ratio >= 2 ? "MET" : "MISSED");
        return gap <= 0.05 && ratio >= 2 ? 0 : 1;
    }

    /** The index benchmark (Lucene alone unless --embed), then `dlforge train rag`; exit 1 when its target is missed. */
    private int rag() throws Exception {
        if (chunks < 100) {
            throw new DlforgeException("--chunks must be at least 100", "leave it out for 100,000");
        }
        Path dir = DlforgeHome.current().root().resolve("bench").resolve("rag-index");
        IndexBenchmark.Config defaults = IndexBenchmark.Config.defaults(dir);
        IndexBenchmark.Config config = new IndexBenchmark.Config(dir, chunks, embed, defaults.queries(), defaults.k(), defaults.seed());
        IndexBenchmark.Result index = IndexBenchmark.run(config);
        root.out().print(index.toMarkdown());
        root.out().println();
        RunDir run = Catalogue.standard().capable(RagProject.ID, Trains.class).train(TrainOptions.defaults(root.out()));
        Map<String, Double> m = run.info().metrics();
        double bm25 = m.get("bm25_recall_at_10");
        double vector = m.get("vector_recall_at_10");
        double hybrid = m.get("hybrid_recall_at_10");
        boolean met = hybrid > bm25 && hybrid > vector;
        root.out().printf(Locale.ROOT, "WordNet recall@10: bm25 %.4f, vector %.4f, hybrid %.4f%n", bm25, vector, hybrid);
        root.out().printf(Locale.ROOT, "target: hybrid recall@10 above both bm25 and vector %s  %s%n", met ? "MET" : "MISSED", run.path());
        return met ? 0 : 1;
    }

    private int embeddings() {
        if (sentences < 10 || repeats < 1) {
            throw new DlforgeException("--sentences must be at least 10 and --repeats at least 1", "leave them out for the defaults (2000, 3)");
        }
        EmbeddingBenchmark.Result r = new EmbeddingBenchmark(root.out()).run(new EmbeddingBenchmark.Setup(sentences, repeats, 42));
        boolean agree = r.minCosine() >= 1 - 1e-4;
        boolean fast = r.ratio() >= 1.0;
        root.out().printf(Locale.ROOT, "target: same embeddings (cosine >= 0.9999) %s, throughput >= 1.0x langchain4j %s%n",
                agree ? "MET" : "MISSED", fast ? "MET" : "MISSED");
        return agree && fast ? 0 : 1;
    }

    private int speed() throws Exception {
        var setup = new SpeedBenchmark.Setup(steps, 20, 64, Engines.threads(), 1);
        int maxSteps = 60_000 / setup.batchSize(); // one pass over the training images, no reshuffle mid-run
        if (steps <= setup.warmup() || steps > maxSteps || repeats < 1) {
            throw new DlforgeException("--steps must be " + (setup.warmup() + 1) + ".." + maxSteps + " and --repeats at least 1",
                    "leave them out for the defaults (300 steps, 3 repeats)");
        }
        String torch = SpeedBenchmark.pytorchVersion();
        ImageClassificationDataset fashion = DatasetRegistry.builtIn().imageClassification(FashionMnist.ID);
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(fashion.spec(), null);
        LabeledImages images = fashion.read(dir).train();
        Path imageFile = idxFile(dir, "train-images-idx3-ubyte.gz");
        Path labelFile = idxFile(dir, "train-labels-idx1-ubyte.gz");
        root.out().printf(Locale.ROOT, "pytorch/examples MNIST Net on Fashion-MNIST: batch %d, %d timed steps after %d warm-up, %d threads%n",
                setup.batchSize(), steps - setup.warmup(), setup.warmup(), setup.threads());
        root.out().printf(Locale.ROOT, "dlforge (%s) vs PyTorch %s (Debian python3-torch, OpenBLAS)%n", Dlforge.Version.engine(), torch);
        root.out().printf(Locale.ROOT, "%-6s %14s %14s%n", "run", "dlforge img/s", "pytorch img/s");
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            ours.add(SpeedBenchmark.dlforge(images, setup));
            theirs.add(SpeedBenchmark.pytorch(imageFile, labelFile, setup));
            root.out().printf(Locale.ROOT, "%-6d %14.0f %14.0f%n", i, ours.get(i - 1), theirs.get(i - 1));
        }
        double a = SpeedBenchmark.median(ours);
        double b = SpeedBenchmark.median(theirs);
        root.out().printf(Locale.ROOT, "%-6s %14.0f %14.0f   dlforge / pytorch = %.2fx%n", "median", a, b, a / b);
        return 0;
    }

    private int accuracy(Trains trainer, Evaluates project) throws Exception {
        List<String> lines = new ArrayList<>();
        boolean allMet = true;
        for (BenchmarkTarget t : project.benchmarkTargets()) {
            RunDir run = trainer.train(TrainOptions.defaults(root.out()).withModel(t.model()));
            RunInfo info = run.info();
            double value = info.metrics().getOrDefault(t.metric(), Double.NaN);
            double seconds = info.metrics().getOrDefault("train_seconds", Double.NaN);
            boolean met = value >= t.atLeast() && (t.withinSeconds() <= 0 || seconds <= t.withinSeconds());
            allMet &= met;
            lines.add(String.format(Locale.ROOT, "%-8s %-6s %s %.4f (target >= %.3f)  %.0f s%s  %s  %s  %s",
                    project.info().id(), t.model(), t.metric(), value, t.atLeast(), seconds,
                    t.withinSeconds() > 0 ? String.format(Locale.ROOT, " (target <= %.0f s)", t.withinSeconds()) : "",
                    rssSummary(run), met ? "MET" : "MISSED", run.path()));
        }
        root.out().println();
        lines.forEach(root.out()::println);
        return allMet ? 0 : 1;
    }

    private static Path idxFile(Path dir, String name) {
        return DatasetFiles.locate(dir, name).orElseThrow(() -> new DlforgeException("the Fashion-MNIST cache " + dir + " lacks " + name,
                "delete " + dir + " and run `dlforge data fetch " + FashionMnist.ID + "`"));
    }

    /** RSS from history.csv: after epoch 1, its peak, and at the end, e.g. "rss first/peak/last 612/640/638 MB". */
    private static String rssSummary(RunDir run) throws IOException {
        List<String> rows = Files.readAllLines(run.historyCsv());
        int col = List.of(rows.get(0).split(",")).indexOf("rss_mb");
        double[] rss = rows.subList(1, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r.split(",")[col])).toArray();
        return String.format(Locale.ROOT, "rss first/peak/last %.0f/%.0f/%.0f MB", rss[0],
                Arrays.stream(rss).max().orElse(Double.NaN), rss[rss.length - 1]);
    }
}
