package dev.dlforge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {

    @Test
    void keepsContractionsHyphensAndNumbersWhole() {
        assertThat(WordTokenizer.lowercase().tokens("Don't SHOUT: it's well-known, 1,000.5 times!"))
                .containsExactly("don't", "shout", ":", "it's", "well-known", ",", "1,000.5", "times", "!");
    }

    @Test
    void splitsAnyScriptAndDropsControlCharacters() {
        assertThat(WordTokenizer.caseSensitive().tokens("Café naïve\u0000 東京 😀\u0007"))
                .containsExactly("Café", "naïve", "東京", "😀");
        assertThat(WordTokenizer.lowercase().tokens("")).isEmpty();
    }

    @Test
    void vocabularyKeepsFrequentTokensAndMapsTheRestToUnknown(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.build(List.of(List.of("a", "b", "a", "c"), List.of("a", "b")), 2, 10);
        assertThat(v.tokens()).containsExactly(Vocabulary.PAD, Vocabulary.UNKNOWN, "a", "b");
        assertThat(v.encode(List.of("b", "c", "a"))).containsExactly(3, Vocabulary.UNKNOWN_ID, 2);

        v.save(dir.resolve("vocab.txt"));
        assertThat(Vocabulary.load(dir.resolve("vocab.txt")).tokens()).isEqualTo(v.tokens());
        assertThat(Vocabulary.fromCounts(Map.of("x", 5, "y", 5, "z", 1), 1, 3).tokens())
                .containsExactly(Vocabulary.PAD, Vocabulary.UNKNOWN, "x");
    }
}
