package dev.dlforge.models.text.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconLabelerTest {
    private final Vader vader = new Vader(VaderLexicon.of(Map.of("great", 3.1, "awful", -3.0, "fine", 0.8)));

    @Test
    void keepsClearlyPolarSentencesDedupesAndBalancesTheClasses() {
        List<String> sentences = List.of(
                "a great day", "A  GREAT day", // the same sentence twice
                "an awful day", "great food and great wine", "the weather was fine", "great", "",
                "x".repeat(2000), "awful awful awful", "nothing to say");
        var result = new LexiconLabeler(vader, LexiconLabeler.Config.defaults()).label(sentences);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.unusable()).isEqualTo(2);
        assertThat(result.belowThreshold()).as("fine (0.2) and no sentiment at all").isEqualTo(2);
        assertThat(result.droppedForBalance()).isEqualTo(1); // 3 positive, 2 negative
        assertThat(result.labels()).hasSize(4);
        assertThat(result.positives()).isEqualTo(2);
        for (int i = 0; i < result.texts().size(); i++) {
            double compound = vader.score(result.texts().get(i)).compound();
            assertThat(result.labels()[i] == 1 ? compound >= 0.5 : compound <= -0.5).as(result.texts().get(i)).isTrue();
        }
        assertThat(result.texts()).contains("an awful day", "awful awful awful");
    }

    @Test
    void withoutBalancingKeepsEveryPolarSentenceInInputOrder() {
        List<String> sentences = new ArrayList<>(List.of("great", "awful day", "great fun", "so great"));
        var result = new LexiconLabeler(vader, new LexiconLabeler.Config(0.5, false, 1000, 1)).label(sentences);
        assertThat(result.texts()).containsExactly("great", "awful day", "great fun", "so great");
        assertThat(result.labels()).containsExactly(1, 0, 1, 1);
    }

    @Test
    void theSameSeedKeepsTheSameSentences() {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sentences.add("great thing number " + i);
        }
        sentences.add("awful thing");
        var config = new LexiconLabeler.Config(0.5, true, 1000, 7);
        assertThat(new LexiconLabeler(vader, config).label(sentences).texts())
                .isEqualTo(new LexiconLabeler(vader, config).label(sentences).texts()).hasSize(2);
    }
}
