package dev.dlforge.projects.word2vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.models.text.Word2VecConfig;
import dev.dlforge.models.text.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training on a small made-up corpus writes vectors that load back and a report over the standard probes. */
class Word2VecTrainingTest {

    @Test
    void writesVectorsAndAReportWithEveryProbeAndAnalogy(@TempDir Path dir) throws Exception {
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sentences.add(List.of("the", "man", "is", "a", "king", i % 2 == 0 ? "and" : "or", "the", "woman", "is", "a", "queen"));
        }
        WordCorpus corpus = new WordCorpus(List.of("toy"), sentences, 200 * 11);
        var trained = Word2VecTraining.train(corpus, new Word2VecConfig(8, 2, 2, 1, 1, 1e-3, 0.025, 1, 1), dir.resolve("out"));
        WordVectors loaded = WordVectors.load(trained.vectors());
        assertThat(loaded.size()).isEqualTo(trained.result().vectors().size()).isEqualTo(9);
        String report = Files.readString(trained.report());
        assertThat(report).startsWith("# word2vec on toy").contains("2,200 words", "| whale | (not in vocabulary) |", "| man | ");
        WordProbes.standard().analogies().forEach(a -> assertThat(report).contains("| " + a + " | " + a.expected() + " |"));
        assertThat(report).contains("(a query word is not in the vocabulary)");
    }
}
