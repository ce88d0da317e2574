package dev.dlforge.projects.word2vec;

import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.models.text.Word2Vec;
import dev.dlforge.models.text.Word2VecConfig;
import dev.dlforge.models.text.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report.md of a word2vec training: corpus, settings and speed; neighbours of the probe words; the analogies' top 3. */
final class Word2VecReport {
    private static final int NEIGHBOURS = 8;

    private Word2VecReport() {}

    static MarkdownReport of(WordCorpus corpus, Word2VecConfig config, Word2Vec.Result result, WordProbes probes) {
        WordVectors v = result.vectors();
        MarkdownReport r = new MarkdownReport("word2vec on " + String.join(" + ", corpus.ids()));
        r.paragraph(String.format(Locale.ROOT, "Skip-gram with negative sampling (a port of word2vec.c). %,d sentences, %,d words "
                + "(lower-cased tokens with a letter or digit); vocabulary %,d words seen at least %d times. "
                + "%,d words processed in %.1f s: %,.0f words/s on %d thread(s).", corpus.sentences().size(), corpus.words(), v.size(),
                config.minCount(), result.processedWords(), result.seconds(), result.wordsPerSecond(), config.threads()));
        r.table(List.of("dim", "window", "negative", "min count", "epochs", "sample", "alpha", "threads", "seed"),
                List.of(List.of(str(config.dim()), str(config.window()), str(config.negative()), str(config.minCount()), str(config.epochs()),
                        String.valueOf(config.sample()), String.valueOf(config.alpha()), str(config.threads()), str(config.seed()))));
        r.section("Nearest neighbours (cosine)");
        List<List<String>> rows = new ArrayList<>();
        for (String p : probes.probes()) {
            rows.add(List.of(p, v.contains(p) ? Word2VecTraining.neighbours(v, p, NEIGHBOURS) : "(not in vocabulary)"));
        }
        r.table(List.of("word", "neighbours"), rows);
        r.section("Analogies (3CosAdd: b - a + c, query words left out)");
        rows = new ArrayList<>();
        for (WordProbes.Analogy a : probes.analogies()) {
            String answers = a.query().stream().allMatch(v::contains) ? v.analogy(a.a(), a.b(), a.c(), 3).stream()
                    .map(s -> String.format(Locale.ROOT, "%s (%.2f)", s.word(), s.similarity())).collect(Collectors.joining(", "))
                    : "(a query word is not in the vocabulary)";
            rows.add(List.of(a.toString(), a.expected(), answers));
        }
        r.table(List.of("analogy", "expected", "top 3"), rows);
        return r;
    }

    private static String str(long n) {
        return String.valueOf(n);
    }
}
