package dev.dlforge.data.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    /** Whitespace-separated words, a stand-in for the WordPiece count the index passes in. */
    static final ToIntFunction<String> WORDS = s -> s.isBlank() ? 0 : s.strip().split("\\s+").length;

    static DocumentText doc(String text, List<int[]> ranges, List<String> headings, List<Integer> pages) {
        DocumentTextBuilder b = new DocumentTextBuilder(text);
        for (int i = 0; i < ranges.size(); i++) {
            b.range(ranges.get(i)[0], ranges.get(i)[1], headings.get(i), pages.get(i));
        }
        return b.build(Path.of("doc.md"), "doc").orElseThrow();
    }

    static String sentences(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(prefix).append(' ').append(i).append(" has exactly six words.").append(i % 4 == 3 ? "\n" : " ");
        }
        return s.toString();
    }

    @Test
    void chunksStayWithinTheBoundOverlapAndMapBackToTheText() {
        String body = sentences("Sentence", 60); // 360 words
        DocumentText d = doc(body, List.<int[]>of(new int[] {0, body.length()}), java.util.Arrays.asList((String) null),
                java.util.Arrays.asList((Integer) null));
        List<Chunk> chunks = new Chunker(new ChunkerConfig(50, 12, 2_000), WORDS).chunk(d);
        assertThat(chunks.size()).isBetween(8, 12);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(WORDS.applyAsInt(c.text())).isLessThanOrEqualTo(50).isGreaterThan(30);
            assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.ordinal()).isEqualTo(i);
            assertThat(c.text()).startsWith("Sentence").endsWith("words.");
            if (i > 0) {
                int overlap = chunks.get(i - 1).end() - c.start();
                assertThat(overlap).as("chunk %d overlaps the previous one", i).isPositive();
                assertThat(WORDS.applyAsInt(d.text().substring(c.start(), chunks.get(i - 1).end()))).isLessThanOrEqualTo(12);
            }
        }
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(body.strip().length());
    }

    @Test
    void noChunkCrossesAHeadingOrPage() {
        String a = sentences("Alpha", 10);
        String b = sentences("Beta", 3);
        String text = a + "\n\n" + b;
        DocumentText d = doc(text, List.of(new int[] {0, a.length()}, new int[] {a.length() + 2, text.length()}),
                List.of("A", "B"), List.of(1, 2));
        List<Chunk> chunks = new Chunker(new ChunkerConfig(40, 10, 2_000), WORDS).chunk(d);
        for (Chunk c : chunks) {
            boolean inA = c.end() <= d.sections().get(0).end();
            boolean inB = c.start() >= d.sections().get(1).start();
            assertThat(inA ^ inB).as(c.text()).isTrue();
            assertThat(c.heading()).isEqualTo(inA ? "A" : "B");
            assertThat(c.page()).isEqualTo(inA ? 1 : 2);
            assertThat(c.text()).doesNotContain(inA ? "Beta" : "Alpha");
        }
        assertThat(chunks).extracting(Chunk::heading).contains("A", "B");
    }

    @Test
    void aSentenceLongerThanTheBoundIsSplitByWordsAndAGiantWordByCharacters() {
        String longSentence = "word ".repeat(95) + "x".repeat(300) + " end.";
        DocumentText d = doc(longSentence, List.<int[]>of(new int[] {0, longSentence.length()}),
                java.util.Arrays.asList((String) null), java.util.Arrays.asList((Integer) null));
        ChunkerConfig config = new ChunkerConfig(20, 5, 100);
        List<Chunk> chunks = new Chunker(config, WORDS).chunk(d);
        for (Chunk c : chunks) {
            assertThat(WORDS.applyAsInt(c.text())).isLessThanOrEqualTo(20);
            assertThat(c.text().length()).isLessThanOrEqualTo(100);
            assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
        }
        String covered = chunks.stream().map(Chunk::text).reduce("", String::concat);
        assertThat(covered.replace("word", "").replace(" ", "")).contains("x".repeat(300)).endsWith("end.");
    }

    @Test
    void equalTextsShareAHashWhateverTheirCaseOrSpacing() {
        assertThat(ContentHash.of("The  Whale\nsurfaced.")).isEqualTo(ContentHash.of("the whale surfaced. ")).hasSize(64);
        assertThat(ContentHash.of("the whale surfaced")).isNotEqualTo(ContentHash.of("the whale dived"));
    }

    @Test
    void singleLineBreaksJoinForSentenceDetectionButBlankLinesSeparate() {
        assertThat(Chunker.joinSingleLineBreaks("a\nb\n\nc\n  \nd")).isEqualTo("a b\n\nc\n  \nd");
    }
}
