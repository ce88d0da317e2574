package dev.dlforge.bench;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.HistoryCsv;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.TrainingListener;
import dev.dlforge.models.lm.Generation;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.gpt.GptCorpus;
import dev.dlforge.projects.gpt.GptProject;
import dev.dlforge.projects.gpt.GptRecipe;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nanoGPT's CPU baby run on Moby-Dick characters, trained by dlforge (the {@code gpt} project's own
 * code path) and by {@code bench/gpt_pytorch.py} (Debian's PyTorch) on the same token ids, split and
 * hyper-parameters: final validation loss and training tokens/s of both, decode tokens/s with and
 * without the KV cache, and resident memory at each validation.
 */
public final class GptBenchmark {
    /** Training speed leaves out the first iterations (allocator and JIT warm-up) on both sides. */
    static final int TIMING_WARMUP = 5;

    /**
     * One side's figures for one seed.
     *
     * @param fullValLoss loss over every validation token (non-overlapping windows in order): the compared figure
     * @param sampledValLoss nanoGPT's estimate at the last validation: the mean over 20 batches
     */
    public record Side(double fullValLoss, double sampledValLoss, double tokensPerSecond) {}

    /** Both sides for one seed, dlforge's run, decoding speeds (with, without the cache) and RSS per validation. */
    public record Result(long seed, RunDir run, Side dlforge, Side pytorch, double cachedDecode, double uncachedDecode, List<Double> rssMb) {}

    private final PrintStream out;

    public GptBenchmark(PrintStream out) {
        this.out = out;
    }

    /** One repeat: both sides trained from {@code seed}. */
    public Result run(int iterations, long seed) throws IOException, InterruptedException {
        String torch = SpeedBenchmark.pytorchVersion();
        int evals = Math.max(1, iterations / GptRecipe.defaults().train().evalInterval());
        TrainOptions options = TrainOptions.defaults(out).withEpochs(evals).withSeed(seed);
        GptProject project = new GptProject();
        GptRecipe recipe = project.recipe(options);
        out.printf("gpt baby config, seed %d, %d iterations of %d x %d on moby-dick characters: dlforge (%d threads) vs PyTorch %s%n",
                seed, recipe.train().iterations(), recipe.train().batchSize(), recipe.network().blockSize(), Engines.threads(), torch);
        BatchClock clock = new BatchClock();
        RunDir run = project.train(options.withListener(clock));
        Map<String, Double> metrics = run.info().metrics();
        if (!metrics.get("model_epoch").equals(metrics.get("epochs"))) {
            // PyTorch is scored on its final weights: so must dlforge be, not on weights picked by validation loss.
            throw new DlforgeException("the kept dlforge model is from validation " + metrics.get("model_epoch").intValue() + " of "
                    + metrics.get("epochs").intValue() + ", not the final one, so the comparison would favour dlforge",
                    "rerun with another seed, or compare run " + run.id() + " by hand");
        }
        List<Map<String, Double>> history = HistoryCsv.read(run.historyCsv());
        double tokensPerBatch = recipe.train().batchSize() * (double) recipe.network().blockSize();
        Side ours = new Side(project.evaluate(run, options).get("val_loss"), history.get(history.size() - 1).get("val_loss"),
                clock.batchesPerSecond() * tokensPerBatch);

        Path scratch = Files.createTempDirectory("dlforge-gpt-bench");
        try {
            GptCorpus corpus = GptCorpus.load(recipe, null);
            writeUint16(corpus.train(), scratch.resolve("train.bin"));
            writeUint16(corpus.validation(), scratch.resolve("val.bin"));
            Side theirs = pytorch(scratch, recipe, corpus.tokenizer().vocabSize());
            double[] decode = decodeSpeeds(project, run, recipe);
            List<Double> rss = history.stream().map(h -> h.get("rss_mb")).toList();
            return new Result(seed, run, ours, theirs, decode[0], decode[1], rss);
        } finally {
            FileTrees.delete(scratch);
        }
    }

    /** Tokens/s decoding {@code block - 8} tokens after an 8-character prompt, with and without the cache (median of 3). */
    private static double[] decodeSpeeds(GptProject project, RunDir run, GptRecipe recipe) {
        try (NDManager manager = Engines.newManager()) {
            LoadedLanguageModel lm = project.loadLanguageModel(run.model(), manager);
            GenerationConfig config = GenerationConfig.defaults().withMaxTokens(recipe.network().blockSize() - 8);
            List<Double> cached = new ArrayList<>();
            List<Double> uncached = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                cached.add(lm.generator().generate("Call me ", config.withSeed(i), manager, t -> { }).tokensPerSecond());
                Generation g = lm.generator().generate("Call me ", config.withSeed(i).withCache(false), manager, t -> { });
                uncached.add(g.tokensPerSecond());
            }
            return new double[] {SpeedBenchmark.median(cached), SpeedBenchmark.median(uncached)};
        }
    }

    private Side pytorch(Path dir, GptRecipe recipe, int vocab) throws IOException, InterruptedException {
        Path script = dir.resolve("gpt_pytorch.py");
        try (InputStream in = GptBenchmark.class.getResourceAsStream("/bench/gpt_pytorch.py")) {
            Files.write(script, in.readAllBytes());
        }
        var t = recipe.train().config();
        var n = recipe.network();
        List<String> command = List.of(SpeedBenchmark.DEBIAN_PYTHON.toString(), script.toString(),
                "--train", dir.resolve("train.bin").toString(), "--val", dir.resolve("val.bin").toString(),
                "--vocab-size", String.valueOf(vocab), "--n-layer", String.valueOf(n.nLayer()), "--n-head", String.valueOf(n.nHead()),
                "--n-embd", String.valueOf(n.nEmbd()), "--block-size", String.valueOf(n.blockSize()),
                "--batch-size", String.valueOf(t.batchSize()), "--dropout", String.valueOf(n.dropout()), "--bias", String.valueOf(n.bias()),
                "--max-iters", String.valueOf(t.maxIters()), "--lr", String.valueOf(t.learningRate()), "--min-lr", String.valueOf(t.minLearningRate()),
                "--warmup-iters", String.valueOf(t.warmupIters()), "--lr-decay-iters", String.valueOf(t.maxIters()),
                "--beta1", String.valueOf(t.beta1()), "--beta2", String.valueOf(t.beta2()), "--weight-decay", String.valueOf(t.weightDecay()),
                "--grad-clip", String.valueOf(t.gradClip()), "--eval-interval", String.valueOf(t.evalInterval()),
                "--eval-iters", String.valueOf(t.evalIters()), "--seed", String.valueOf(t.seed()), "--threads", String.valueOf(Engines.threads()),
                "--timing-warmup", String.valueOf(TIMING_WARMUP));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(Engines.threads()));
        if (Files.isDirectory(SpeedBenchmark.OPENBLAS)) {
            String inherited = pb.environment().getOrDefault("LD_LIBRARY_PATH", "");
            pb.environment().put("LD_LIBRARY_PATH", inherited.isEmpty() ? SpeedBenchmark.OPENBLAS.toString() : SpeedBenchmark.OPENBLAS + ":" + inherited);
        }
        out.println("pytorch reference training (progress as JSON lines):");
        Process process = pb.start();
        String lastLine = "";
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println("  " + line);
                if (!line.isBlank()) {
                    lastLine = line;
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new DlforgeException("the PyTorch reference failed: " + lastLine, "check that `/usr/bin/python3 -c 'import torch'` works");
        }
        JsonNode r = Json.MAPPER.readTree(lastLine);
        return new Side(r.get("full_val_loss").asDouble(), r.get("final_val_loss").asDouble(), r.get("tokens_per_second").asDouble());
    }

    static void writeUint16(int[] ids, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(ids.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int id : ids) {
            if (id > 0xFFFF) {
                throw new IllegalArgumentException("token id " + id + " does not fit the reference's uint16 files");
            }
            buffer.putShort((short) id);
        }
        Files.write(file, buffer.array());
    }

    /** Wall time between consecutive training steps of one interval, after the first few: the steps alone, no validation. */
    static final class BatchClock implements TrainingListener {
        private long last;
        private int lastEpoch = -1;
        private int seen;
        private long nanos;
        private int timed;

        @Override
        public void onBatch(BatchProgress p) {
            long now = System.nanoTime();
            if (p.epoch() == lastEpoch && seen >= TIMING_WARMUP) {
                nanos += now - last;
                timed++;
            }
            seen++;
            lastEpoch = p.epoch();
            last = now;
        }

        double batchesPerSecond() {
            return timed / (nanos / 1e9);
        }
    }
}
