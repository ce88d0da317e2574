package dev.dlforge.models.lm.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.TokenPrompt;
import de.kherud.llama.args.CacheType;
import de.kherud.llama.args.LogFormat;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.core.text.CharTokenizer;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * llama.cpp (de.kherud:llama, its native library bundled) loads what {@link Gpt2Gguf} writes: its greedy 32-token
 * continuation of a 20-token prompt is dlforge-llm's {@code Gpt2Model}'s, and its tokenizer reads the exported vocabulary
 * as the run's. The end-of-text token (id 0, the unknown character) is banned on both sides, so generation runs 32 tokens.
 *
 * <p>Teacher-forced, as {@code LlamaCppOracleTest}: llama.cpp's tokens are fed to our engine, and each must be our argmax,
 * so the two free-running continuations are equal. No near-tie is allowed: on these files our winning logit leads the
 * runner-up by at least 0.017 at every step (measured), far above the two engines' float differences.
 */
class Gpt2GgufLlamaCppTest {
    private static final int TOKENS = 32;
    private static RowPool pool;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        pool = new RowPool(2);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private static ModelParameters params(Path file) {
        return new ModelParameters().setModel(file.toString()).setCtxSize(128).setThreads(2).setThreadsBatch(2)
                .setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32).setGpuLayers(0);
    }

    @ParameterizedTest(name = "{0}, bias {1}, tanh GELU {2}")
    @CsvSource({"F32, true, true", "F16, true, true", "F32, false, false"})
    void llamaCppsGreedyContinuationIsTheEnginesOnAnExportedGpt(GgmlType type, boolean bias, boolean tanhGelu) throws Exception {
        CharTokenizer chars = CharTokenizer.build(List.of(Gpt2GgufTest.TEXT));
        GptConfig config = new GptConfig(chars.vocabSize(), 128, 2, 4, 64, 0f, bias, tanhGelu);
        Path file = tmp.resolve("gpt-" + type + ".gguf");
        try (NDManager m = Engines.newManager()) {
            Gpt2Gguf.write(GgufGpts.random(config, 5, m), chars, type, "random", file);
        }
        int[] prompt = Gpt2GgufTest.prompt(chars);
        String generated;
        try (LlamaModel model = new LlamaModel(params(file))) {
            InferenceParameters p = TokenPrompt.of(prompt).setNPredict(TOKENS).setTemperature(0f).setTopK(1).setRepeatPenalty(1f)
                    .setSeed(1).disableTokenIds(List.of(CharTokenizer.UNKNOWN_ID));
            StringBuilder text = new StringBuilder();
            for (LlamaOutput o : model.generate(p)) {
                text.append(o.text);
            }
            generated = text.toString();
        }
        int[] expected = chars.encode(generated); // one token per character, and the vocabulary has every character it writes
        assertThat(expected).as("llama.cpp wrote '%s'", generated).hasSize(TOKENS).doesNotContain(CharTokenizer.UNKNOWN_ID);
        float closest = Float.MAX_VALUE;
        try (DecoderModel model = DecoderModels.open(file, pool)) {
            KvCache cache = model.newCache(16L << 20);
            KvCache.Sequence seq = cache.newSequence(new int[0]);
            float[] logits = model.forward(cache, List.of(new Step(seq, prompt)))[0];
            for (int i = 0; i < TOKENS; i++) {
                int ours = GgufGpts.argmax(logits, CharTokenizer.UNKNOWN_ID);
                assertThat(ours).as("step %d: llama.cpp chose %d, we %d (gap %f); llama.cpp wrote '%s'", i, expected[i], ours,
                        logits[ours] - logits[expected[i]], generated).isEqualTo(expected[i]);
                closest = Math.min(closest, secondGap(logits, ours));
                logits = model.forward(cache, List.of(new Step(seq, new int[] {expected[i]})))[0];
            }
        }
        System.out.printf("GGUF %s (bias %s, tanh GELU %s): llama.cpp and Gpt2Model give the same %d greedy tokens "
                + "(smallest winning margin %.3g): '%s'%n", type, bias, tanhGelu, TOKENS, closest, generated.replace("\n", "\\n"));
    }

    @Test
    void llamaCppTokenizesAndDetokenizesLikeTheRunsTokenizers() throws Exception {
        CharTokenizer chars = CharTokenizer.build(List.of(Gpt2GgufTest.TEXT));
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(List.of(Gpt2GgufTest.TEXT.repeat(3)), 320, List.of());
        String unseen = "Whether 'tis nobler — to sleep, perchance to dream; ünïcödé 😀 123\n";
        for (dev.dlforge.core.text.Tokenizer tokenizer : List.of(chars, bpe)) {
            Path file = tmp.resolve("tok.gguf");
            try (NDManager m = Engines.newManager()) {
                Gpt2Gguf.write(Gpt.create(new GptConfig(tokenizer.vocabSize(), 8, 1, 1, 8, 0f, false, false), m), tokenizer,
                        GgmlType.F32, "t", file);
            }
            try (LlamaModel model = new LlamaModel(params(file))) {
                List<String> texts = tokenizer instanceof CharTokenizer ? List.of(Gpt2GgufTest.TEXT) : List.of(Gpt2GgufTest.TEXT, unseen);
                for (String text : texts) {
                    int[] ids = tokenizer.encode(text);
                    assertThat(model.encode(text)).as("%s: %s", tokenizer.getClass().getSimpleName(), text).containsExactly(ids);
                    assertThat(model.decode(ids)).isEqualTo(text);
                }
            }
        }
    }

    private static float secondGap(float[] logits, int best) {
        float second = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (i != best && i != CharTokenizer.UNKNOWN_ID) {
                second = Math.max(second, logits[i]);
            }
        }
        return logits[best] - second;
    }
}
