package dev.dlforge.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.dlforge.core.DlforgeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.Slow;

/** The reference is Hugging Face's own tokenizers (Rust, through DJL) on the same tokenizer.json. */
@Slow
class WordPieceTokenizerTest {
    private static final String MINILM = "/all-minilm-l6-v2-tokenizer.json";
    private static WordPieceTokenizer ours;
    private static HuggingFaceTokenizer reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(MINILM)) {
            ours = WordPieceTokenizer.read(in, MINILM);
        }
        try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(MINILM)) {
            // the file asks for truncation and padding to 128; compare the tokenizer itself
            reference = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        }
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void givesTheSameIdsAsHuggingFaceOnThousandsOfVariedSentences() {
        List<String> sentences = VariedSentences.generate(4000, 42);
        Encoding[] expected = reference.batchEncode(sentences);
        int tokens = 0;
        for (int i = 0; i < sentences.size(); i++) {
            long[] want = expected[i].getIds();
            assertThat(longs(ours.encode(sentences.get(i)))).as("ids of %s", quoted(sentences.get(i))).containsExactly(want);
            tokens += want.length;
        }
        // the sentences reach every path: [UNK] words, [MASK] text, long inputs
        assertThat(tokens).isGreaterThan(100_000);
        assertThat(Arrays.stream(expected).filter(e -> e.getIds().length > 512)).isNotEmpty();
    }

    @Test
    void givesTheSameIdsAsHuggingFaceForEveryCharacterOfTheBasicPlane() {
        // each character alone and inside a word: dropped, split off, accent-stripped, lowercased or kept
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c)) {
                texts.add("a" + (char) c + "b " + (char) c);
            }
        }
        Encoding[] expected = reference.batchEncode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(longs(ours.encode(texts.get(i)))).as("ids of %s", quoted(texts.get(i))).containsExactly(expected[i].getIds());
        }
    }

    @Test
    void truncatesAndPadsBatchesAsHuggingFaceDoes() throws IOException {
        List<String> sentences = VariedSentences.generate(300, 7);
        HuggingFaceTokenizer padded;
        try (InputStream in = getClass().getResourceAsStream(MINILM)) {
            padded = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "longest", "truncation", "true", "maxLength", "64"));
        }
        try (padded) {
            for (int from = 0; from < sentences.size(); from += 32) {
                List<String> slice = sentences.subList(from, Math.min(sentences.size(), from + 32));
                Encoding[] expected = padded.batchEncode(slice);
                TokenBatch batch = ours.encodeBatch(slice, 64);
                assertThat(batch.size()).isEqualTo(slice.size());
                assertThat(batch.length()).isEqualTo(expected[0].getIds().length);
                assertThat(batch.inputIds()).containsExactly(Arrays.stream(expected).flatMapToLong(e -> Arrays.stream(e.getIds())).toArray());
                assertThat(batch.attentionMask()).containsExactly(Arrays.stream(expected).flatMapToLong(e -> Arrays.stream(e.getAttentionMask())).toArray());
                assertThat(batch.tokenTypeIds()).containsExactly(Arrays.stream(expected).flatMapToLong(e -> Arrays.stream(e.getTypeIds())).toArray());
                assertThat(batch.truncated()).isEqualTo((int) slice.stream().filter(s -> ours.encode(s).length > 64).count());
            }
        }
        assertThat(ours.encode("a b c d e f", 5)).containsExactly(101, 1037, 1038, 1039, 102);
    }

    @Test
    void cutsATenMegabyteLineAtTheLimitAndSaysSo() {
        String line = "Word, ".repeat(1_750_000);
        WordPieceTokenizer.TokenIds ids = ours.encodeTruncated(line, 512);
        assertThat(ids.ids()).hasSize(512).startsWith(101, 2773, 1010).endsWith(2773, 1010, 102);
        assertThat(ids.truncated()).isTrue();
        assertThat(ours.encodeTruncated("Word,", 512).truncated()).isFalse();
        assertThat(ours.encodeBatch(List.of(line, "", "Word,"), 8).truncated()).isEqualTo(1);
    }

    @Test
    void decodesAsHuggingFaceDoes() {
        for (String s : VariedSentences.generate(500, 3)) {
            int[] ids = ours.encode(s);
            assertThat(ours.decode(ids)).as("decode of %s", quoted(s)).isEqualTo(reference.decode(longs(ids), true));
        }
        assertThat(ours.decode(ours.encode("Héllo, WORLD! Unaffable. Don't"))).isEqualTo("hello, world! unaffable. don ' t");
    }

    @Test
    void splitsWordsIntoLongestWordPiecesAndLongWordsIntoUnknown() {
        assertThat(ours.tokenize("Unaffable [MASK]ed naïve!")).containsExactly("una", "##ffa", "##ble", "[MASK]", "ed", "naive", "!");
        assertThat(ours.tokenize("a".repeat(100))).doesNotContain("[UNK]");
        assertThat(ours.tokenize("a".repeat(101))).containsExactly("[UNK]");
        assertThat(ours.encode("")).containsExactly(101, 102);
        // a lone surrogate (not valid Unicode, so Hugging Face never sees one) is an unknown word
        assertThat(ours.encode("a \uD800 b\uDC00")).containsExactly(101, 1037, 100, 100, 102);
        assertThat(ours.vocabSize()).isEqualTo(30522);
        assertThat(ours.truncationInFile()).hasValue(128);
    }

    @Test
    void refusesATokenizerJsonOfAnotherKind() {
        String bpe = "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}, \"merges\": []}}";
        assertThatThrownBy(() -> WordPieceTokenizer.read(stream(bpe), "bpe.json"))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("bpe.json holds a BPE tokenizer, not WordPiece");
        String metaspace = "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[UNK]\": 0}}, \"pre_tokenizer\": {\"type\": \"Metaspace\"}}";
        assertThatThrownBy(() -> WordPieceTokenizer.read(stream(metaspace), "m.json"))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("pre_tokenizer Metaspace");
        assertThatThrownBy(() -> WordPieceTokenizer.read(stream("not json"), "junk.json"))
                .isInstanceOf(DlforgeException.class).hasMessageContaining("junk.json is not valid JSON");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static long[] longs(int[] ids) {
        return Arrays.stream(ids).asLongStream().toArray();
    }

    /** Control characters made visible, so a failing sentence can be read. */
    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
