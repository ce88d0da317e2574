package dev.dlforge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharTokenizerTest {

    @Test
    void idsAreSortedCodePointsAfterTheUnknownId() {
        CharTokenizer chars = CharTokenizer.build(List.of("cab", "b😀"));
        assertThat(chars.vocabSize()).isEqualTo(5);
        assertThat(chars.tokens("abc😀")).containsExactly("a", "b", "c", "😀");
        assertThat(chars.encode("abc😀")).containsExactly(1, 2, 3, 4);
        assertThat(chars.encode("z")).containsExactly(CharTokenizer.UNKNOWN_ID);
        assertThat(chars.decode(new int[] {3, 0, 1})).isEqualTo("c\uFFFDa");
    }

    @Test
    void seenTextRoundTripsAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        Random random = new Random(5);
        List<String> texts = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> i % 2 == 0 ? RandomText.sentence(random, 30) : RandomText.anyCodePoints(random, 30)).toList();
        CharTokenizer chars = CharTokenizer.build(texts);
        chars.save(dir.resolve("chars.json"));
        CharTokenizer loaded = CharTokenizer.load(dir.resolve("chars.json"));
        assertThat(loaded.vocabSize()).isEqualTo(chars.vocabSize());
        for (String t : texts) {
            assertThat(loaded.encode(t)).isEqualTo(chars.encode(t));
            assertThat(loaded.decode(loaded.encode(t))).isEqualTo(t);
        }
    }
}
