package dev.dlforge.models.lm.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.TokenPrompt;
import de.kherud.llama.args.CacheType;
import de.kherud.llama.args.LogFormat;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A tiny Llama trained with DJL for 120 steps on the opening of Moby-Dick ({@link TinyTrainedLlama}), exported to GGUF,
 * against dlforge-llm's {@code LlamaModel} and llama.cpp (de.kherud:llama) on the exported file.
 *
 * <p>Measured (2-core x86 CPU, PyTorch engine): the DJL and engine logits of a 20-token prompt differ by at most 1.7e-6
 * on the F32 file, bound {@link #F32_TOLERANCE}; on the F16 file (DJL still in F32) by at most 3.2e-3, bound
 * {@link #F16_TOLERANCE}. Greedy continuations of 32 tokens (the model recites the training text) are identical piece
 * for piece in llama.cpp and our engine on both files, and equal DJL's own; the smallest top-2 margin along the path
 * measured 0.086 (F32) and 0.085 (F16), asserted above {@link #MIN_MARGIN}, well clear of float ties (the engines'
 * logits differ by about 1e-6), so the comparison is not decided by tie-breaking. The end-of-text token is banned on
 * both sides.
 */
class LlamaGgufTest {
    static final float F32_TOLERANCE = 1e-4f;
    static final float F16_TOLERANCE = 0.02f;
    static final float MIN_MARGIN = 0.02f;
    private static final int CONTINUATION = 32;

    @TempDir
    static Path dir;
    private static NDManager manager;
    private static TinyTrainedLlama trained;
    private static RowPool pool;

    @BeforeAll
    static void train() throws Exception {
        de.kherud.llama.LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        manager = Engines.newManager();
        pool = new RowPool(2);
        trained = TinyTrainedLlama.train(manager, Files.createDirectories(dir.resolve("checkpoints")), false);
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.F16}) {
            LlamaGguf.write(trained.llama, trained.tokenizer, "tiny-moby", type, file(type));
        }
    }

    @AfterAll
    static void close() {
        pool.close();
        manager.close();
    }

    static Path file(GgmlType type) {
        return dir.resolve("tiny-" + type + ".gguf");
    }

    /** The first 20 tokens of a sentence from the training text. */
    static int[] prompt() {
        return Arrays.copyOf(trained.tokenizer.encode("Whenever I find myself growing grim about the mouth; whenever it is a damp, drizzly November"), 20);
    }

    @Test
    void trainingLowersTheLoss() {
        assertThat(trained.lastLoss).as("train loss after 120 steps vs after 60").isLessThan(trained.firstLoss);
        assertThat(trained.lastLoss).isLessThan(Math.log(trained.tokenizer.vocabSize()) / 2);
    }

    @Test
    void theFileHasTheLlamaArchitectureAndItsHyperParameters() throws Exception {
        LlamaConfig c = trained.llama.config();
        try (GgufFile g = GgufFile.open(file(GgmlType.F16))) {
            assertThat(g.architecture()).isEqualTo("llama");
            assertThat(g.metadata().requireInteger("llama.attention.head_count_kv")).isEqualTo(c.kvHeads());
            assertThat(g.metadata().requireInteger("llama.feed_forward_length")).isEqualTo(c.ffn());
            assertThat(g.metadata().requireString("tokenizer.ggml.model")).isEqualTo("gpt2");
            assertThat(g.requireTensor("blk.1.attn_k.weight").type()).isEqualTo(GgmlType.F16);
            assertThat(g.requireTensor("blk.1.attn_norm.weight").type()).isEqualTo(GgmlType.F32);
            assertThat(g.requireTensor("output.weight").rows()).isEqualTo(c.vocab());
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "F16"})
    void ourDjlLogitsEqualTheEnginesOnTheExportedFile(GgmlType type) throws Exception {
        int[] prompt = prompt();
        float[][] djl = djlLogits(prompt);
        float worst = 0;
        try (DecoderModel model = DecoderModels.open(file(type), pool)) {
            KvCache cache = model.newCache(16L << 20);
            KvCache.Sequence seq = cache.newSequence(new int[0]);
            for (int t = 0; t < prompt.length; t++) {
                float[] engine = model.forward(cache, List.of(new Step(seq, new int[] {prompt[t]})))[0];
                worst = Math.max(worst, LlamaTest.maxAbsDiff(djl[t], engine));
            }
        }
        assertThat(worst).as("largest |DJL - engine| logit over %d positions", prompt.length)
                .isLessThan(type == GgmlType.F32 ? F32_TOLERANCE : F16_TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "F16"})
    void llamaCppContinuesAsOurEngineDoes(GgmlType type) throws Exception {
        int[] prompt = prompt();
        int eos = trained.tokenizer.id(LlamaGguf.END_OF_TEXT);
        List<String> ours = new ArrayList<>();
        float margin = Float.MAX_VALUE;
        int[] engineIds = new int[CONTINUATION];
        try (DecoderModel model = DecoderModels.open(file(type), pool)) {
            Tokenizer tok = model.tokenizer();
            KvCache cache = model.newCache(16L << 20);
            KvCache.Sequence seq = cache.newSequence(new int[0]);
            float[] logits = model.forward(cache, List.of(new Step(seq, prompt)))[0];
            for (int i = 0; i < CONTINUATION; i++) {
                logits[eos] = Float.NEGATIVE_INFINITY;
                int best = argmax(logits);
                margin = Math.min(margin, logits[best] - second(logits, best));
                engineIds[i] = best;
                ours.add(new String(tok.tokenBytes(best), java.nio.charset.StandardCharsets.UTF_8));
                logits = model.forward(cache, List.of(new Step(seq, new int[] {best})))[0];
            }
        }
        assertThat(margin).as("smallest top-2 logit margin along our greedy path").isGreaterThan(MIN_MARGIN);
        ModelParameters mp = new ModelParameters().setModel(file(type).toString()).setCtxSize(64).setThreads(2).setThreadsBatch(2)
                .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32).setGpuLayers(0);
        List<String> theirs = new ArrayList<>();
        try (de.kherud.llama.LlamaModel model = new de.kherud.llama.LlamaModel(mp)) {
            InferenceParameters p = TokenPrompt.of(prompt).setNPredict(CONTINUATION).setTemperature(0f).setTopK(1).setRepeatPenalty(1f)
                    .setSeed(1).disableTokenIds(List.of(eos));
            for (LlamaOutput o : model.generate(p)) {
                if (!o.text.isEmpty()) { // the stream ends with an empty stop message
                    theirs.add(o.text);
                }
            }
        }
        assertThat(String.join("", theirs)).isEqualTo(String.join("", ours));
        assertThat(theirs).as("llama.cpp's pieces, one per token").isEqualTo(ours);
        if (type == GgmlType.F32) {
            assertThat(djlGreedy(prompt, eos)).as("DJL's own greedy continuation").containsExactly(engineIds);
        }
    }

    @Test
    void theTokenizerRoundTripsTheSameInDjlTheEngineAndLlamaCpp() throws Exception {
        List<String> texts = List.of(TinyTrainedLlama.TEXT, "Call me Ishmael.", "It's 1851, and the whale's name? Moby-Dick!",
                "naïve café, Ångström — “quoted”", "two  spaces and\nnew lines\n\n", "Queequeg 42 harpoons");
        ModelParameters mp = new ModelParameters().setModel(file(GgmlType.F32).toString()).setCtxSize(64).setThreads(2).setGpuLayers(0);
        try (DecoderModel model = DecoderModels.open(file(GgmlType.F32), pool);
             de.kherud.llama.LlamaModel cpp = new de.kherud.llama.LlamaModel(mp)) {
            Tokenizer engine = model.tokenizer();
            for (String text : texts) {
                int[] ids = trained.tokenizer.encode(text);
                assertThat(engine.encode(text, false, false)).as("engine ids of %s", text).containsExactly(ids);
                assertThat(cpp.encode(text)).as("llama.cpp ids of %s", text).containsExactly(ids);
                assertThat(engine.decode(ids)).isEqualTo(text);
                assertThat(trained.tokenizer.decode(ids)).isEqualTo(text);
            }
        }
    }

    @Test
    void aTiedModelExportsWithoutAnOutputTensorAndKeepsItsLogits() throws Exception {
        LlamaConfig c = trained.llama.config();
        LlamaConfig tiedConfig = new LlamaConfig(c.dim(), c.layers(), c.heads(), 1, c.ffn(), c.vocab(), c.context(), 500000f, 1e-6f, true);
        try (NDManager m = manager.newSubManager()) {
            Engines.seed(23);
            Llama tied = Llama.create(tiedConfig, m);
            Path f = dir.resolve("tied.gguf");
            LlamaGguf.write(tied, trained.tokenizer, "tied", GgmlType.F32, f);
            try (GgufFile g = GgufFile.open(f)) {
                assertThat(g.tensor("output.weight")).isEmpty();
            }
            int[] ids = prompt();
            NDArray djl = tied.logits(new ParameterStore(m, false), m.create(ids).reshape(1, ids.length), null, false);
            try (DecoderModel model = DecoderModels.open(f, pool)) {
                KvCache cache = model.newCache(16L << 20);
                float[] engine = model.forward(cache, List.of(new Step(cache.newSequence(new int[0]), ids)))[0];
                assertThat(LlamaTest.maxAbsDiff(djl.get(0, ids.length - 1).toFloatArray(), engine)).isLessThan(F32_TOLERANCE);
            }
        }
    }

    @Test
    void exportRefusesQuantisedTypesAndAMismatchedTokenizer() {
        assertThatThrownBy(() -> LlamaGguf.write(trained.llama, trained.tokenizer, "x", GgmlType.Q8_0, dir.resolve("q.gguf")))
                .hasMessageContaining("dlforge quant");
        var other = dev.dlforge.core.text.ByteLevelBpeTrainer.train(List.of("abc abd"), 260, List.of());
        assertThatThrownBy(() -> LlamaGguf.write(trained.llama, other, "x", GgmlType.F32, dir.resolve("t.gguf")))
                .hasMessageContaining("tokens, the model");
    }

    /** DJL's logits (T, V) at every position of {@code ids}. */
    private static float[][] djlLogits(int[] ids) {
        try (NDManager step = manager.newSubManager()) {
            NDArray logits = trained.llama.logits(new ParameterStore(step, false), step.create(ids).reshape(1, ids.length), null, false);
            float[][] out = new float[ids.length][];
            for (int t = 0; t < ids.length; t++) {
                out[t] = logits.get(0, t).toFloatArray();
            }
            return out;
        }
    }

    private static int[] djlGreedy(int[] prompt, int banned) {
        try (var session = new LlamaLanguageModel(trained.llama).newSession(manager, true)) {
            float[] logits = session.feed(prompt);
            int[] out = new int[CONTINUATION];
            for (int i = 0; i < CONTINUATION; i++) {
                logits[banned] = Float.NEGATIVE_INFINITY;
                out[i] = argmax(logits);
                logits = session.feed(new int[] {out[i]});
            }
            return out;
        }
    }

    static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float second(float[] x, int best) {
        float s = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (i != best) {
                s = Math.max(s, x[i]);
            }
        }
        return s;
    }
}
