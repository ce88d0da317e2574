package dev.dlforge.projects.word2vec;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.models.text.Word2Vec;
import dev.dlforge.models.text.Word2VecConfig;
import dev.dlforge.models.text.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code dlforge word2vec train}: skip-gram with negative sampling ({@link Word2Vec}) on a
 * {@link WordCorpus}, written to a folder as {@code vectors.txt} (word2vec's text format) and
 * {@code report.md} (settings, speed, the {@link WordProbes#standard()} neighbours and analogies).
 */
public final class Word2VecTraining {
    private Word2VecTraining() {}

    /**
     * What a training wrote.
     *
     * @param result the vectors and the speed of the training
     * @param vectors the {@code vectors.txt} file
     * @param report the {@code report.md} file
     */
    public record Trained(Word2Vec.Result result, Path vectors, Path report) {}

    /** {@code $DLFORGE_HOME/word2vec/<corpora>}, where a training writes unless told otherwise. */
    public static Path defaultFolder(DlforgeHome home, WordCorpus corpus) {
        return home.root().resolve("word2vec").resolve(corpus.name());
    }

    /** Trains on {@code corpus} with {@code config}, then writes the vectors and the report into {@code dir} (created if needed). */
    public static Trained train(WordCorpus corpus, Word2VecConfig config, Path dir) {
        Word2Vec.Result result = Word2Vec.train(corpus.sentences(), config);
        Path vectors = dir.resolve("vectors.txt");
        Path report = dir.resolve("report.md");
        try {
            Files.createDirectories(dir);
            result.vectors().save(vectors);
            Word2VecReport.of(corpus, config, result, WordProbes.standard()).save(report);
        } catch (IOException e) {
            throw new DlforgeException("cannot write to " + dir + ": " + e.getMessage(), "pass a writable --out folder", e);
        }
        return new Trained(result, vectors, report);
    }

    /** The {@code k} nearest words of {@code word} by cosine, e.g. "sea 0.71, ocean 0.64". */
    public static String neighbours(WordVectors v, String word, int k) {
        return v.nearest(word, k).stream().map(s -> String.format(Locale.ROOT, "%s %.2f", s.word(), s.similarity()))
                .collect(Collectors.joining(", "));
    }
}
