package dev.dlforge.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class ByteLevelBpeTest {

    private static List<String> corpus(long seed, int n) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(RandomText.sentence(random, 30));
        }
        return texts;
    }

    @Test
    void bytesToUnicodeIsGpt2sMap() {
        assertThat(ByteLevelAlphabet.charOf(' ')).isEqualTo('Ġ');
        assertThat(ByteLevelAlphabet.charOf('\n')).isEqualTo('Ċ');
        assertThat(ByteLevelAlphabet.charOf('A')).isEqualTo('A');
        assertThat(ByteLevelAlphabet.charOf(0)).isEqualTo('\u0100');
        assertThat(ByteLevelAlphabet.charOf(0xAD)).isEqualTo('\u0143');
        for (int b = 0; b < 256; b++) {
            assertThat(ByteLevelAlphabet.byteOf(ByteLevelAlphabet.charOf(b))).isEqualTo(b);
        }
    }

    @Test
    void preTokenizerSplitsAsGpt2() {
        assertThat(Gpt2PreTokenizer.split("Hello world's  end!!\n 42"))
                .containsExactly("Hello", " world", "'s", " ", " end", "!!", "\n", " 42");
    }

    @Test
    void learnsTheMostFrequentPairFirstWithIdOrderBreakingTies() {
        // pre-tokens "abab", "Ġabab", "Ġab": (a,b) occurs 5 times; then (Ġ,ab) and (ab,ab) tie at 2 and
        // Ġ (byte symbol 220) has a smaller id than ab (256); then (ab,ab) and (Ġab,ab) tie at 1.
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(List.of("abab abab ab"), 1000, List.of());
        assertThat(bpe.merges()).extracting(m -> m[0] + " " + m[1])
                .containsExactly("a b", "Ġ ab", "ab ab", "Ġab ab");
        assertThat(bpe.vocabSize()).isEqualTo(260);
        assertThat(bpe.tokens("abab abab ab")).containsExactly("abab", "Ġabab", "Ġab");
        assertThat(bpe.tokens("ba")).containsExactly("b", "a");
    }

    @Test
    void stopsAtTheRequestedVocabularySizeWithSpecialsFirst() {
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(corpus(1, 300), 400, List.of("<|endoftext|>", "<pad>"));
        assertThat(bpe.vocabSize()).isEqualTo(400);
        assertThat(bpe.id("<|endoftext|>")).isZero();
        assertThat(bpe.id("<pad>")).isEqualTo(1);
        assertThat(bpe.merges()).hasSize(400 - 258);
        assertThat(bpe.encode("the whale<|endoftext|>sea")).contains(0);
        assertThatThrownBy(() -> ByteLevelBpeTrainer.train(List.of("x"), 100, List.of()))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("256 byte symbols");
    }

    @Test
    void decodeInvertsEncodeOnThousandsOfRandomUnicodeStrings() {
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(corpus(2, 500), 700, List.of("<|endoftext|>"));
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            String s = i % 2 == 0 ? RandomText.sentence(random, 40) : RandomText.anyCodePoints(random, 40);
            if (i % 50 == 0) {
                s = s + "<|endoftext|>" + s;
            }
            int[] ids = bpe.encode(s);
            assertThat(bpe.decode(ids)).as("round trip of %s", s.codePoints().boxed().toList()).isEqualTo(s);
        }
        assertThat(bpe.encode("")).isEmpty();
        String longWord = "a".repeat(100_000);
        assertThat(bpe.decode(bpe.encode(longWord))).isEqualTo(longWord);
    }

    @Test
    void savedTokenizerJsonLoadsBackIdentically(@TempDir Path dir) throws Exception {
        List<String> texts = corpus(4, 400);
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(texts, 600, List.of("<|endoftext|>"));
        Path file = dir.resolve("tokenizer.json");
        bpe.save(file);
        ByteLevelBpe loaded = ByteLevelBpe.load(file);
        assertThat(loaded.vocabSize()).isEqualTo(bpe.vocabSize());
        assertThat(loaded.merges()).containsExactlyElementsOf(bpe.merges());
        for (String t : corpus(5, 200)) {
            assertThat(loaded.encode(t)).isEqualTo(bpe.encode(t));
        }

        // the newer Hugging Face form writes each merge as a two-element array
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(file.toFile());
        var arrays = Json.MAPPER.createArrayNode();
        for (var m : json.path("model").path("merges")) {
            arrays.addArray().add(m.asText().split(" ")[0]).add(m.asText().split(" ")[1]);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("model")).set("merges", arrays);
        Json.writeFile(dir.resolve("arrays.json"), json);
        ByteLevelBpe fromArrays = ByteLevelBpe.load(dir.resolve("arrays.json"));
        assertThat(fromArrays.merges()).hasSameSizeAs(bpe.merges());
        assertThat(fromArrays.encode(texts.get(0))).isEqualTo(bpe.encode(texts.get(0)));
    }

    @Test
    void readsGpt2VocabAndMergesFiles(@TempDir Path dir) throws Exception {
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(corpus(6, 200), 500, List.of("<|endoftext|>"));
        StringBuilder vocab = new StringBuilder("{");
        for (int id = 0; id < bpe.vocabSize(); id++) {
            vocab.append(id == 0 ? "" : ",").append(Json.write(bpe.token(id))).append(':').append(id);
        }
        Files.writeString(dir.resolve("vocab.json"), vocab.append('}'), StandardCharsets.UTF_8);
        StringBuilder merges = new StringBuilder("#version: 0.2\n");
        bpe.merges().forEach(m -> merges.append(m[0]).append(' ').append(m[1]).append('\n'));
        Files.writeString(dir.resolve("merges.txt"), merges, StandardCharsets.UTF_8);

        ByteLevelBpe gpt2 = ByteLevelBpe.loadGpt2(dir.resolve("vocab.json"), dir.resolve("merges.txt"));
        String text = "The whale's café: 東京 😀 <|endoftext|> end";
        assertThat(gpt2.encode(text)).isEqualTo(bpe.encode(text));
    }

    @Test
    void rejectsTokenizersItWouldEncodeDifferently(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wordpiece.json");
        Files.writeString(file, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}");
        assertThatThrownBy(() -> ByteLevelBpe.load(file)).isInstanceOf(DlforgeException.class).hasMessageContaining("not BPE");
    }
}
