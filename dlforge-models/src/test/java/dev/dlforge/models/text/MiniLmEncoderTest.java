package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlforge.core.text.VariedSentences;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.Slow;

/** The reference is langchain4j's own all-MiniLM-L6-v2 embedding model, on the same ONNX file. */
@Slow
class MiniLmEncoderTest {
    /** langchain4j's tokenizer keeps the tokenizer.json's truncation: 128 tokens, [CLS] and [SEP] included. */
    private static final int LANGCHAIN4J_MAX_TOKENS = 128;
    private static final List<String> ENGLISH = List.of(
            "The cat sits on the mat.",
            "A man is playing a guitar on stage.",
            "Stock markets fell sharply after the announcement of new tariffs.",
            "How do I reset my password?",
            "I absolutely loved this film; the acting was superb, though the ending dragged.",
            "Photosynthesis converts light energy into chemical energy stored in glucose.",
            "Don't forget to bring an umbrella: it'll rain tomorrow afternoon!",
            "The quick brown fox jumps over the lazy dog.");
    private static MiniLmEncoder ours;
    private static AllMiniLmL6V2EmbeddingModel reference;

    @BeforeAll
    static void open() {
        ours = MiniLmEncoder.open(MiniLmEncoder.Options.defaults().withBatchSize(16));
        reference = new AllMiniLmL6V2EmbeddingModel();
    }

    @AfterAll
    static void close() {
        ours.close();
    }

    @Test
    void matchesLangchain4jOnVariedSentencesUpToItsLimit() {
        List<String> texts = new ArrayList<>(ENGLISH);
        texts.addAll(VariedSentences.generate(300, 11));
        // langchain4j refuses texts with no tokens at all; those are tested below
        texts.removeIf(t -> ours.tokenizer().encode(t).length <= 2);
        List<String> short_ = texts.stream().filter(t -> ours.tokenizer().encode(t).length <= LANGCHAIN4J_MAX_TOKENS).toList();
        List<String> long_ = texts.stream().filter(t -> ours.tokenizer().encode(t).length > LANGCHAIN4J_MAX_TOKENS).toList();
        assertThat(short_).hasSizeGreaterThan(200);
        assertThat(long_).hasSizeGreaterThan(20);

        assertSameEmbeddings(short_, ours.embed(short_), reference(short_));
        assertThat(ours.truncatedTexts()).isZero();

        // beyond 128 tokens langchain4j cuts, and we do the same when told to
        try (MiniLmEncoder cutAt128 = MiniLmEncoder.open(MiniLmEncoder.Options.defaults().withMaxTokens(LANGCHAIN4J_MAX_TOKENS))) {
            float[][] theirs = reference(long_);
            assertSameEmbeddings(long_, cutAt128.embed(long_), theirs);
            assertThat(cutAt128.truncatedTexts()).isEqualTo(long_.size());
            // while by default we read up to 512 tokens, so the embeddings of long texts differ
            int longest = 0;
            for (int i = 1; i < long_.size(); i++) {
                longest = long_.get(i).length() > long_.get(longest).length() ? i : longest;
            }
            assertThat(cosine(ours.embed(long_.get(longest)), theirs[longest])).isLessThan(0.99);
        }
    }

    @Test
    void embedsEmptyAndOverlongTextsAsUnitVectors() {
        String huge = "Lorem ipsum dolor sit amet. ".repeat(20_000);
        long before = ours.truncatedTexts();
        float[][] e = ours.embed(List.of("", "\u0000\u200B", huge, "short"));
        for (float[] v : e) {
            assertThat(v).hasSize(MiniLmEncoder.DIMENSION);
            assertThat(cosine(v, v)).isCloseTo(1.0, within(1e-5));
        }
        assertThat(cosine(e[0], e[1])).isCloseTo(1.0, within(1e-6)); // both are just [CLS] [SEP]
        assertThat(ours.truncatedTexts() - before).isEqualTo(1);
        assertThat(ours.embed(List.of())).isEmpty();
    }

    @Test
    void countsTheSameTokensAsLangchain4jsTokenizer() {
        // langchain4j's public tokenizer: DJL on the same tokenizer.json (as bert-tokenizer.json), untruncated
        HuggingFaceTokenCountEstimator estimator = new HuggingFaceTokenCountEstimator();
        for (String text : VariedSentences.generate(1000, 5)) {
            assertThat(ours.tokenizer().tokenize(text)).as("tokens of %s", text).hasSize(estimator.estimateTokenCountInText(text));
        }
    }

    @Test
    void ranksParaphrasesAboveUnrelatedSentences() {
        float[][] e = ours.embed(List.of("A man is playing a guitar.", "Someone plays an instrument.", "The stock market crashed."));
        assertThat(cosine(e[0], e[1])).isGreaterThan(cosine(e[0], e[2]) + 0.2);
    }

    private static float[][] reference(List<String> texts) {
        List<Embedding> embeddings = reference.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(Embedding::vector).toArray(float[][]::new);
    }

    private static void assertSameEmbeddings(List<String> texts, float[][] ours, float[][] theirs) {
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(ours[i], theirs[i])).as("cosine for %s", texts.get(i)).isGreaterThanOrEqualTo(1 - 1e-4);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
