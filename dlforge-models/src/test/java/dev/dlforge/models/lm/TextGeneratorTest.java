package dev.dlforge.models.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.core.text.CharTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class TextGeneratorTest {
    private static final GenerationConfig GREEDY = new GenerationConfig(20, 0, 0, 1, 1, List.of(), 1, true);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = Engines.newManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** A char tokenizer over {@code alphabet} and a bigram model that cycles through {@code cycle}. */
    private static TextGenerator cycling(CharTokenizer tok, String cycle, int context) {
        return new TextGenerator(BigramModel.chain(tok.vocabSize(), tok.encode(cycle), context), tok);
    }

    @Test
    void greedyFollowsTheModelsMostLikelyTokens() {
        CharTokenizer tok = CharTokenizer.build(List.of("abc"));
        List<String> chunks = new ArrayList<>();
        Generation g = cycling(tok, "abc", 64).generate("a", GREEDY.withMaxTokens(5), manager, chunks::add);
        assertThat(g.text()).isEqualTo("bcabc");
        assertThat(String.join("", chunks)).isEqualTo(g.text());
        assertThat(g.finishReason()).isEqualTo("length");
        assertThat(g.promptTokens()).isEqualTo(1);
        assertThat(g.generatedTokens()).isEqualTo(5);
        assertThat(g.tokensPerSecond()).isPositive();
    }

    @Test
    void aStopStringEndsTheTextAndNeverReachesTheStream() {
        CharTokenizer tok = CharTokenizer.build(List.of("Hi!\nUser:"));
        List<String> chunks = new ArrayList<>();
        Generation g = cycling(tok, "Hi!\nUser:", 64).generate("H", GREEDY.withStop(List.of("\nUser:")), manager, chunks::add);
        assertThat(g.text()).isEqualTo("i!");
        assertThat(g.finishReason()).isEqualTo("stop");
        assertThat(g.generatedTokens()).isEqualTo(8); // i ! \n U s e r :
        assertThat(chunks).containsExactly("i", "!");
    }

    @Test
    void textThatOnlyLooksLikeAStopStringIsHeldBackThenReleased() {
        CharTokenizer tok = CharTokenizer.build(List.of("Hi!\nUser:"));
        List<String> chunks = new ArrayList<>();
        Generation g = cycling(tok, "Hi!\nUser:", 64)
                .generate("H", GREEDY.withMaxTokens(12).withStop(List.of("\nUsed", "Hi?")), manager, chunks::add);
        assertThat(g.text()).isEqualTo("i!\nUser:Hi!\n");
        assertThat(g.finishReason()).isEqualTo("length");
        assertThat(String.join("", chunks)).isEqualTo(g.text());
        // "\nUse" waited for the "r" that ruled out "\nUsed"; "H" waited for the "i!" that ruled out "Hi?"
        assertThat(chunks).containsExactly("i", "!", "\nUser", ":", "Hi!", "\n");
    }

    @Test
    void multiByteCharactersSplitAcrossByteTokensStreamWhole() {
        ByteLevelBpe bytes = ByteLevelBpeTrainer.train(List.of("x"), 256, List.of()); // one token per byte
        String reply = "né € 😀 ok";
        List<String> chunks = new ArrayList<>();
        Generation g = new TextGenerator(new MemorizedTextModel(256, bytes.encode(reply)), bytes)
                .generate("q", GREEDY.withMaxTokens(bytes.encode(reply).length), manager, chunks::add);
        assertThat(g.text()).isEqualTo(reply);
        assertThat(String.join("", chunks)).isEqualTo(reply);
        assertThat(chunks).noneMatch(c -> c.contains("\uFFFD"));
        assertThat(chunks).contains("€", "😀"); // each emitted once its last byte arrived
    }

    @Test
    void anIncompleteCharacterAtTheEndIsFlushedAsReplacement() {
        ByteLevelBpe bytes = ByteLevelBpeTrainer.train(List.of("x"), 256, List.of());
        int[] euro = bytes.encode("a€");
        List<String> chunks = new ArrayList<>();
        Generation g = new TextGenerator(new MemorizedTextModel(256, euro), bytes)
                .generate("q", GREEDY.withMaxTokens(3), manager, chunks::add); // "a" and two of the euro's three bytes
        assertThat(g.text()).isEqualTo("a\uFFFD");
        assertThat(String.join("", chunks)).isEqualTo(g.text());
    }

    @Test
    void aPromptLongerThanTheContextIsCroppedFromTheLeft() {
        CharTokenizer tok = CharTokenizer.build(List.of("abcdefghij"));
        BigramModel model = BigramModel.chain(tok.vocabSize(), tok.encode("abcdefghij"), 4);
        Generation g = new TextGenerator(model, tok).generate("abcdefghij", GREEDY.withMaxTokens(2), manager, s -> {});
        assertThat(g.promptTokens()).isEqualTo(4);
        assertThat(model.fed.get(0)).isEqualTo(tok.encode("ghij"));
        assertThat(g.text()).isEqualTo("ab");
    }

    @Test
    void sampledTextRepeatsWithTheSameSeedAndDiffersWithAnother() {
        CharTokenizer tok = CharTokenizer.build(List.of("abcdefghijklmnop"));
        Random r = new Random(1);
        float[][] table = new float[tok.vocabSize()][tok.vocabSize()];
        for (float[] row : table) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        TextGenerator gen = new TextGenerator(new BigramModel(table, 64), tok);
        GenerationConfig sampled = new GenerationConfig(40, 1.0, 8, 0.95, 1.2, List.of(), 5, true);
        String a = gen.generate("a", sampled, manager, s -> {}).text();
        assertThat(gen.generate("a", sampled, manager, s -> {}).text()).isEqualTo(a);
        assertThat(gen.generate("a", sampled.withSeed(6), manager, s -> {}).text()).isNotEqualTo(a);
    }

    @Test
    void anEmptyPromptIsRefusedWithAReason() {
        CharTokenizer tok = CharTokenizer.build(List.of("ab"));
        assertThatThrownBy(() -> cycling(tok, "ab", 8).generate("", GREEDY, manager, s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prompt is empty");
    }

    @Test
    void zeroMaxTokensGeneratesNothing() {
        CharTokenizer tok = CharTokenizer.build(List.of("ab"));
        Generation g = cycling(tok, "ab", 8).generate("a", GREEDY.withMaxTokens(0), manager, s -> {});
        assertThat(g.text()).isEmpty();
        assertThat(g.generatedTokens()).isZero();
        assertThat(g.finishReason()).isEqualTo("length");
    }
}
