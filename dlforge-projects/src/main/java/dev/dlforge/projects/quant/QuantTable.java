package dev.dlforge.projects.quant;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufQuantiser;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The quant table: the F32 export quantised to each type by {@link GgufQuantiser}, and each file measured by
 * dlforge-llm's {@code LlamaModel}: its size, its perplexity on held-out tokens and its greedy decoding speed.
 *
 * <p>Perplexity = exp(-(1/N) sum_t log p(x_{t+1} | x_1..x_t)) over non-overlapping windows of the context length
 * (every position of a window scored, the first token of each window only as context); windows are decoded
 * {@link #PARALLEL} at a time as one batch. Speed: {@code decodeTokens} greedy steps (at most what the context leaves)
 * after a {@link #PROMPT}-token prompt, one sequence, timed after the prompt: the median of {@link #TIMED_ROUNDS}
 * rounds after an untimed one (without it, the first type to use a kernel was timed while the JIT compiled it: Q4_0
 * measured 602 tokens/s against Q4_1's 4,683 on the mini model).
 */
final class QuantTable {
    /** Windows scored together in one batched forward per position. */
    static final int PARALLEL = 8;
    /** Tokens of the timed decode's prompt. */
    static final int PROMPT = 16;
    /** Timed decoding rounds per file, after one untimed. */
    static final int TIMED_ROUNDS = 3;

    /** One file's row. */
    record Row(String type, long bytes, double perplexity, double deltaPercent, double tokensPerSecond) { }

    private QuantTable() {
    }

    /** Quantises {@code f32} to each of {@code types} beside it and measures all of them, F32 first. */
    static List<Row> measure(Path f32, List<GgmlType> types, int[] heldOut, int context, int decodeTokens, PrintStream console)
            throws IOException {
        List<Path> files = new ArrayList<>(List.of(f32));
        List<String> names = new ArrayList<>(List.of("F32"));
        for (GgmlType t : types) {
            Path out = f32.resolveSibling("model-" + t.name().toLowerCase(Locale.ROOT) + ".gguf");
            GgufQuantiser.quantise(f32, out, t, (tensor, written, done) -> { });
            files.add(out);
            names.add(t.name());
        }
        List<Row> rows = new ArrayList<>();
        double base = Double.NaN;
        try (RowPool pool = new RowPool(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            for (int i = 0; i < files.size(); i++) {
                try (DecoderModel model = DecoderModels.open(files.get(i), pool)) {
                    double ppl = perplexity(model, heldOut, context);
                    int[] prompt = Arrays.copyOf(heldOut, Math.min(PROMPT, heldOut.length));
                    double speed = tokensPerSecond(model, prompt, Math.max(1, Math.min(decodeTokens, context - prompt.length)));
                    if (i == 0) {
                        base = ppl;
                    }
                    Row row = new Row(names.get(i), Files.size(files.get(i)), ppl, 100 * (ppl / base - 1), speed);
                    console.printf(Locale.ROOT, "%-5s %8.2f MB  perplexity %.4f (%+.2f%%)  %.0f tokens/s%n", row.type(), row.bytes() / 1e6,
                            row.perplexity(), row.deltaPercent(), row.tokensPerSecond());
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Perplexity of {@code tokens}, cut into windows of {@code context}, under {@code model}. */
    static double perplexity(DecoderModel model, int[] tokens, int context) {
        int windows = Math.max(1, (tokens.length - 1) / context);
        int length = Math.min(context, tokens.length);
        double nll = 0;
        long scored = 0;
        for (int first = 0; first < windows; first += PARALLEL) {
            int n = Math.min(PARALLEL, windows - first);
            KvCache cache = model.newCache(cacheBytes(model, n, length));
            List<KvCache.Sequence> seqs = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                seqs.add(cache.newSequence(new int[0]));
            }
            for (int t = 0; t < length - 1; t++) {
                List<Step> steps = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    steps.add(new Step(seqs.get(s), new int[] {tokens[(first + s) * context + t]}));
                }
                float[][] logits = model.forward(cache, steps);
                for (int s = 0; s < n; s++) {
                    nll -= logProbability(logits[s], tokens[(first + s) * context + t + 1]);
                    scored++;
                }
            }
            seqs.forEach(KvCache.Sequence::release);
        }
        return Math.exp(nll / scored);
    }

    /** log softmax(logits)[target], in double. */
    static double logProbability(float[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return logits[target] - max - Math.log(sum);
    }

    static double tokensPerSecond(DecoderModel model, int[] prompt, int tokens) {
        double[] rounds = new double[TIMED_ROUNDS];
        decodeRound(model, prompt, tokens); // untimed: the kernels are compiled here
        for (int r = 0; r < TIMED_ROUNDS; r++) {
            rounds[r] = decodeRound(model, prompt, tokens);
        }
        Arrays.sort(rounds);
        return rounds[TIMED_ROUNDS / 2];
    }

    /** Tokens per second of {@code tokens} greedy steps after {@code prompt}, in a fresh cache. */
    private static double decodeRound(DecoderModel model, int[] prompt, int tokens) {
        KvCache cache = model.newCache(cacheBytes(model, 1, prompt.length + tokens + 1));
        KvCache.Sequence seq = cache.newSequence(new int[0]);
        float[] logits = model.forward(cache, List.of(new Step(seq, prompt)))[0];
        long start = System.nanoTime();
        for (int i = 0; i < tokens; i++) {
            int best = 0;
            for (int v = 1; v < logits.length; v++) {
                if (logits[v] > logits[best]) {
                    best = v;
                }
            }
            logits = model.forward(cache, List.of(new Step(seq, new int[] {best})))[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        seq.release();
        return tokens / seconds;
    }

    private static long cacheBytes(DecoderModel model, int sequences, int tokens) {
        KvCache probe = model.newCache(1L << 20);
        return probe.bytesPerToken() * (long) sequences * (tokens + 2L * probe.blockTokens()) + (1L << 20);
    }
}
