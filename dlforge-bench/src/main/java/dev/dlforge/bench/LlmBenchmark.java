package dev.dlforge.bench;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaPrompt;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.TensorInfo;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.kernel.Simd;
import dev.dlforge.llm.model.DecoderModels;
import dev.dlforge.llm.model.RandomLlamaGguf;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Single-stream decode and prefill tokens/s of the pure-Java engine and of llama.cpp (de.kherud:llama, in this process)
 * on the same random-weight Llama GGUF of realistic shape, same thread count, runs alternated, medians reported; and
 * the roofline: weight bytes streamed per decoded token against the measured memory bandwidth.
 *
 * <p>Decode: a {@code 16}-token prompt, then {@code tokens} greedy tokens; the time from the first generated token to the
 * last, per token. Prefill: a {@code prefill}-token prompt in one pass (llama.cpp: one token predicted, prompt cache off).
 */
public final class LlmBenchmark {
    /** What to run. */
    public record Setup(GgmlType type, int threads, int repeats, int tokens, int prefill) { }

    /** Medians of each side, tokens/s. */
    public record Result(double decodeOurs, double decodeLlama, double prefillOurs, double prefillLlama, double bandwidth, long bytesPerToken) {
        public double decodeRatio() {
            return decodeOurs / decodeLlama;
        }

        public double prefillRatio() {
            return prefillOurs / prefillLlama;
        }
    }

    private final PrintStream out;

    public LlmBenchmark(PrintStream out) {
        this.out = out;
    }

    /** The benchmark model of {@code type} under {@code dir}, written once (~1.1B parameters; a minute on 2 cores). */
    public static Path model(Path dir, GgmlType type) throws IOException {
        RandomLlamaGguf.Spec spec = RandomLlamaGguf.Spec.realistic(type);
        Path file = dir.resolve("random-llama-" + spec.dim() + "x" + spec.layers() + "-" + type.name().toLowerCase(Locale.ROOT) + ".gguf");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            RandomLlamaGguf.write(spec, file);
        }
        return file;
    }

    public Result run(Path file, Setup s) throws IOException {
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        long bytesPerToken = weightBytesPerToken(file);
        double bandwidth = bandwidth(s.threads());
        out.printf(Locale.ROOT, "%s: %s, %d threads, JDK %s (%s), kernels: %s%n", file.getFileName(), s.type(), s.threads(),
                Runtime.version(), System.getProperty("java.vm.vendor"), Simd.describe());
        int[] decodePrompt = prompt(16, 1);
        int[] prefillPrompt = prompt(s.prefill(), 2);
        List<Double> dOurs = new ArrayList<>();
        List<Double> dLlama = new ArrayList<>();
        List<Double> pOurs = new ArrayList<>();
        List<Double> pLlama = new ArrayList<>();
        ModelParameters mp = new ModelParameters().setModel(file.toString()).setCtxSize(Math.max(512, s.prefill() + 64))
                .setThreads(s.threads()).setThreadsBatch(s.threads()).setBatchSize(Math.max(512, s.prefill())).setGpuLayers(0);
        try (RowPool pool = new RowPool(s.threads()); DecoderModel ours = DecoderModels.open(file, pool); LlamaModel llama = new LlamaModel(mp)) {
            out.println("warm-up (untimed)");
            decodeOurs(ours, decodePrompt, 4);
            decodeLlama(llama, decodeTokens(decodePrompt), 4);
            out.printf(Locale.ROOT, "%-4s %16s %16s %17s %17s%n", "run", "decode dlforge", "decode llama.cpp", "prefill dlforge", "prefill llama.cpp");
            for (int r = 1; r <= s.repeats(); r++) {
                boolean oursFirst = r % 2 == 1;
                if (oursFirst) {
                    dOurs.add(decodeOurs(ours, decodePrompt, s.tokens()));
                    dLlama.add(decodeLlama(llama, decodeTokens(decodePrompt), s.tokens()));
                    pOurs.add(prefillOurs(ours, prefillPrompt));
                    pLlama.add(prefillLlama(llama, prefillPrompt));
                } else {
                    dLlama.add(decodeLlama(llama, decodeTokens(decodePrompt), s.tokens()));
                    dOurs.add(decodeOurs(ours, decodePrompt, s.tokens()));
                    pLlama.add(prefillLlama(llama, prefillPrompt));
                    pOurs.add(prefillOurs(ours, prefillPrompt));
                }
                out.printf(Locale.ROOT, "%-4d %16.2f %16.2f %17.2f %17.2f%n", r, dOurs.get(r - 1), dLlama.get(r - 1), pOurs.get(r - 1), pLlama.get(r - 1));
            }
        }
        Result res = new Result(SpeedBenchmark.median(dOurs), SpeedBenchmark.median(dLlama), SpeedBenchmark.median(pOurs),
                SpeedBenchmark.median(pLlama), bandwidth, bytesPerToken);
        out.printf(Locale.ROOT, "median decode:  dlforge %.2f tok/s, llama.cpp %.2f tok/s: %.2fx%n", res.decodeOurs(), res.decodeLlama(), res.decodeRatio());
        out.printf(Locale.ROOT, "median prefill: dlforge %.2f tok/s, llama.cpp %.2f tok/s: %.2fx (%d-token prompt)%n", res.prefillOurs(), res.prefillLlama(),
                res.prefillRatio(), s.prefill());
        out.printf(Locale.ROOT, "roofline: %.0f MB of weights per token, %.1f GB/s measured (%d threads reading 1 GiB): at most %.1f tok/s;"
                + " dlforge reaches %.0f%%, llama.cpp %.0f%%%n", bytesPerToken / 1e6, bandwidth / 1e9, s.threads(), bandwidth / bytesPerToken,
                100 * res.decodeOurs() * bytesPerToken / bandwidth, 100 * res.decodeLlama() * bytesPerToken / bandwidth);
        return res;
    }

    /** Prompt ids among the {@code [id]} pieces. */
    static int[] prompt(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[n];
        p[0] = RandomLlamaGguf.BOS;
        for (int i = 1; i < n; i++) {
            p[i] = RandomLlamaGguf.FIRST_PIECE + r.nextInt(1000);
        }
        return p;
    }

    private static String decodeTokens(int[] prompt) {
        return java.util.Arrays.toString(prompt);
    }

    private static double decodeOurs(DecoderModel m, int[] prompt, int tokens) {
        KvCache cache = m.newCache(256L << 20);
        KvCache.Sequence seq = cache.newSequence(null);
        float[] logits = m.forward(cache, List.of(new Step(seq, prompt)))[0];
        long t0 = System.nanoTime();
        for (int i = 0; i < tokens; i++) {
            int next = argmax(logits);
            logits = m.forward(cache, List.of(new Step(seq, new int[] {next})))[0];
        }
        return tokens / ((System.nanoTime() - t0) / 1e9);
    }

    private static double prefillOurs(DecoderModel m, int[] prompt) {
        KvCache cache = m.newCache(256L << 20);
        long t0 = System.nanoTime();
        m.forward(cache, List.of(new Step(cache.newSequence(null), prompt)));
        return prompt.length / ((System.nanoTime() - t0) / 1e9);
    }

    private static InferenceParameters params(String tokenArray, int n) {
        InferenceParameters p = LlamaPrompt.tokens(tokenArray).setNPredict(n).setTemperature(0f).setTopK(1).setCachePrompt(false).setIgnoreEos(true)
                .disableTokenIds(IntStream.range(0, RandomLlamaGguf.FIRST_PIECE).boxed().toList());
        return p;
    }

    /** Time from the first streamed token to the last, per token after the first. */
    private static double decodeLlama(LlamaModel llama, String prompt, int tokens) {
        long first = 0;
        int n = 0;
        for (LlamaOutput o : llama.generate(params(prompt, tokens + 1))) {
            if (o.text.isEmpty()) {
                continue;
            }
            if (n++ == 0) {
                first = System.nanoTime();
            }
        }
        return (n - 1) / ((System.nanoTime() - first) / 1e9);
    }

    private static double prefillLlama(LlamaModel llama, int[] prompt) {
        long t0 = System.nanoTime();
        llama.complete(params(java.util.Arrays.toString(prompt), 1));
        return prompt.length / ((System.nanoTime() - t0) / 1e9);
    }

    static int argmax(float[] logits) {
        int best = RandomLlamaGguf.FIRST_PIECE;
        for (int i = best + 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Bytes a decoded token reads: every matrix but the token embedding (one row of it), norms included. */
    static long weightBytesPerToken(Path file) throws IOException {
        try (GgufFile g = GgufFile.open(file)) {
            long sum = 0;
            for (TensorInfo t : g.tensors()) {
                sum += t.name().equals("token_embd.weight") ? t.byteSize() / t.rows() : t.byteSize();
            }
            return sum;
        }
    }

    /** Read bandwidth: {@code threads} threads summing their share of a 1 GiB array (four accumulators), best of 5 passes, bytes/s. */
    static double bandwidth(int threads) {
        long[] data = new long[1 << 27];
        java.util.Arrays.setAll(data, i -> i);
        double best = 0;
        long[] sink = new long[threads];
        for (int pass = 0; pass < 5; pass++) {
            long t0 = System.nanoTime();
            IntStream.range(0, threads).parallel().forEach(t -> {
                int from = (int) ((long) data.length * t / threads);
                int to = (int) ((long) data.length * (t + 1) / threads);
                long a = 0;
                long b = 0;
                long c = 0;
                long d = 0;
                for (int i = from; i + 3 < to; i += 4) {
                    a += data[i];
                    b += data[i + 1];
                    c += data[i + 2];
                    d += data[i + 3];
                }
                sink[t] += a + b + c + d;
            });
            best = Math.max(best, 8.0 * data.length / ((System.nanoTime() - t0) / 1e9));
        }
        return sink[0] == 42 ? best + 1 : best;
    }
}
