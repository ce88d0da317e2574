package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.text.SentimentEvalSet.Example;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SentimentEvalSetTest {
    private final List<Example> examples = SentimentEvalSet.examples();

    @Test
    void holdsAtLeast300SentencesBalancedOverallAndPerDomain() {
        assertThat(examples).hasSizeGreaterThanOrEqualTo(300);
        assertThat(examples.stream().filter(Example::positive).count()).isEqualTo(examples.size() / 2);
        Map<String, Map<Boolean, Long>> perDomain = examples.stream().collect(
                Collectors.groupingBy(Example::domain, Collectors.partitioningBy(Example::positive, Collectors.counting())));
        assertThat(perDomain).containsOnlyKeys("product", "film", "restaurant", "travel", "work");
        perDomain.values().forEach(split -> assertThat(split.get(true)).isEqualTo(split.get(false)));
    }

    @Test
    void hasNoDuplicateSentencesEvenIgnoringCaseAndPunctuation() {
        assertThat(examples.stream().map(e -> e.sentence().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "")).distinct().count())
                .isEqualTo(examples.size());
    }

    @Test
    void hardCasesAreADeliberateShareOnBothSides() {
        for (String tag : List.of("negation", "contrast", "intensifier", "dampener", "caps", "punctuation")) {
            long pos = examples.stream().filter(e -> e.positive() && e.tags().contains(tag)).count();
            long neg = examples.stream().filter(e -> !e.positive() && e.tags().contains(tag)).count();
            assertThat(Math.min(pos, neg)).as(tag).isGreaterThanOrEqualTo(5);
        }
        assertThat(examples.stream().filter(e -> !e.tags().contains("plain")).count()).isGreaterThan(examples.size() / 2);
    }

    @Test
    void contrastAndCapsTagsMatchTheSentences() {
        for (Example e : examples) {
            boolean contrastWord = e.sentence().matches("(?i).*\\b(but|although|though|yet)\\b.*");
            assertThat(e.tags().contains("contrast")).as(e.sentence()).isEqualTo(contrastWord);
            boolean capsWord = e.sentence().replace("I ", "").matches(".*\\b[A-Z]{2,}\\b.*");
            assertThat(e.tags().contains("caps")).as(e.sentence()).isEqualTo(capsWord);
        }
    }

    @Test
    void theFileStatesItsProvenance() throws Exception {
        try (InputStream in = SentimentEvalSet.class.getResourceAsStream(SentimentEvalSet.RESOURCE)) {
            String header = new String(in.readNBytes(600), StandardCharsets.UTF_8);
            assertThat(header).contains("written by the dlforge authors for this project in 2026").contains("CC0");
        }
    }

    @Test
    void labeledTextsUseNegThenPos() {
        LabeledTexts texts = SentimentEvalSet.labeledTexts();
        assertThat(texts.classes()).containsExactly("neg", "pos");
        assertThat(texts.classCounts()).containsExactly(examples.size() / 2, examples.size() / 2);
    }
}
