package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.text.WordTokenizer;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.models.text.Word2Vec;
import dev.dlforge.models.text.Word2VecConfig;
import dev.dlforge.models.text.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "word2vec", mixinStandardHelpOptions = true,
        description = "Train word vectors (skip-gram with negative sampling) and query any word2vec or GloVe text file.",
        subcommands = {Word2VecCommand.Train.class, Word2VecCommand.Neighbours.class})
public final class Word2VecCommand extends CommandGroup implements DlforgeSubcommand {
    @Override
    public int helpOrder() {
        return 200;
    }

    /** Words whose neighbours the report lists (those in the vocabulary). */
    static final List<String> PROBES = List.of("whale", "sea", "ship", "captain", "man", "woman", "king", "good", "day",
            "water", "city", "money");
    /** a : b :: c : ?, with the answer a well-trained space should give. */
    static final List<List<String>> ANALOGIES = List.of(List.of("man", "king", "woman", "queen"),
            List.of("man", "he", "woman", "she"), List.of("he", "his", "she", "her"), List.of("man", "men", "woman", "women"),
            List.of("day", "days", "year", "years"), List.of("good", "better", "bad", "worse"),
            List.of("go", "went", "come", "came"), List.of("big", "bigger", "small", "smaller"));

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train on text corpora; writes vectors.txt (word2vec text format) and report.md (neighbours, analogies).")
    static final class Train implements Runnable {
        @ParentCommand
        Word2VecCommand parent;

        @Option(names = "--corpus", split = ",", defaultValue = "brown-text,moby-dick,nlp-corpus",
                description = "text corpora, comma-separated (default: ${DEFAULT-VALUE}; `dlforge data list` shows them)")
        List<String> corpora;

        @Option(names = "--dim", description = "vector size (default 100)")
        Integer dim;

        @Option(names = "--window", description = "largest context distance (default 5)")
        Integer window;

        @Option(names = "--negative", description = "noise words per pair (default 5)")
        Integer negative;

        @Option(names = "--min-count", description = "drop words seen fewer times (default 5)")
        Integer minCount;

        @Option(names = "--epochs", description = "passes over the corpus (default 5)")
        Integer epochs;

        @Option(names = "--sample", description = "subsampling threshold t (default 1e-3, word2vec.c's)")
        Double sample;

        @Option(names = "--threads", description = "worker threads (default: all cores; 1 is reproducible)")
        Integer threads;

        @Option(names = "--seed", description = "random seed (default 1)")
        Long seed;

        @Option(names = "--out", description = "output folder (default: $DLFORGE_HOME/word2vec/<corpora>)")
        Path out;

        @Override
        public void run() {
            Word2VecConfig d = Word2VecConfig.defaults();
            Word2VecConfig config;
            try {
                config = new Word2VecConfig(or(dim, d.dim()), or(window, d.window()), or(negative, d.negative()),
                        or(minCount, d.minCount()), or(epochs, d.epochs()), sample == null ? d.sample() : sample, d.alpha(),
                        or(threads, d.threads()), seed == null ? d.seed() : seed);
            } catch (IllegalArgumentException e) {
                throw new DlforgeException(e.getMessage(), "--dim, --window, --negative, --min-count, --epochs and --threads must be at least 1");
            }
            var console = parent.root.out;
            List<List<String>> sentences = readCorpora(corpora);
            long tokens = sentences.stream().mapToLong(List::size).sum();
            console.printf(Locale.ROOT, "corpus %s: %,d sentences, %,d words%n", String.join("+", corpora), sentences.size(), tokens);
            Word2Vec.Result result = Word2Vec.train(sentences, config);
            WordVectors vectors = result.vectors();
            console.printf(Locale.ROOT, "vocabulary %,d words (min count %d); %,d words in %.1f s = %,.0f words/s on %d thread(s)%n",
                    vectors.size(), config.minCount(), result.processedWords(), result.seconds(), result.wordsPerSecond(), config.threads());
            Path dir = out != null ? out : DlforgeHome.current().root().resolve("word2vec").resolve(String.join("+", corpora));
            try {
                Files.createDirectories(dir);
                vectors.save(dir.resolve("vectors.txt"));
                report(config, result, tokens, sentences.size()).save(dir.resolve("report.md"));
            } catch (IOException e) {
                throw new DlforgeException("cannot write to " + dir + ": " + e.getMessage(), "pass a writable --out folder", e);
            }
            for (String p : PROBES) {
                if (vectors.contains(p)) {
                    console.println(p + ": " + neighbours(vectors, p, 8));
                }
            }
            console.println("wrote " + dir.resolve("vectors.txt") + " and " + dir.resolve("report.md"));
        }

        private MarkdownReport report(Word2VecConfig config, Word2Vec.Result result, long tokens, int sentences) {
            WordVectors v = result.vectors();
            MarkdownReport r = new MarkdownReport("word2vec on " + String.join(" + ", corpora));
            r.paragraph(String.format(Locale.ROOT, "Skip-gram with negative sampling (a port of word2vec.c). %,d sentences, %,d words "
                    + "(lower-cased tokens with a letter or digit); vocabulary %,d words seen at least %d times. "
                    + "%,d words processed in %.1f s: %,.0f words/s on %d thread(s).", sentences, tokens, v.size(), config.minCount(),
                    result.processedWords(), result.seconds(), result.wordsPerSecond(), config.threads()));
            r.table(List.of("dim", "window", "negative", "min count", "epochs", "sample", "alpha", "threads", "seed"),
                    List.of(List.of(str(config.dim()), str(config.window()), str(config.negative()), str(config.minCount()), str(config.epochs()),
                            String.valueOf(config.sample()), String.valueOf(config.alpha()), str(config.threads()), str(config.seed()))));
            r.section("Nearest neighbours (cosine)");
            List<List<String>> rows = new ArrayList<>();
            for (String p : PROBES) {
                rows.add(List.of(p, v.contains(p) ? neighbours(v, p, 8) : "(not in vocabulary)"));
            }
            r.table(List.of("word", "neighbours"), rows);
            r.section("Analogies (3CosAdd: b - a + c, query words left out)");
            rows = new ArrayList<>();
            for (List<String> a : ANALOGIES) {
                boolean known = a.subList(0, 3).stream().allMatch(v::contains);
                String answers = known ? v.analogy(a.get(0), a.get(1), a.get(2), 3).stream()
                        .map(s -> String.format(Locale.ROOT, "%s (%.2f)", s.word(), s.similarity())).collect(Collectors.joining(", "))
                        : "(a query word is not in the vocabulary)";
                rows.add(List.of(a.get(0) + " : " + a.get(1) + " :: " + a.get(2) + " : ?", a.get(3), answers));
            }
            r.table(List.of("analogy", "expected", "top 3"), rows);
            return r;
        }
    }

    @Command(name = "neighbours", aliases = "neighbors", mixinStandardHelpOptions = true,
            description = "Nearest words by cosine in a word2vec (header \"V D\") or GloVe text file.")
    static final class Neighbours implements Runnable {
        @ParentCommand
        Word2VecCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "word vectors in word2vec or GloVe text format")
        Path file;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD", description = "words to look up")
        List<String> words;

        @Option(names = "-k", defaultValue = "10", description = "neighbours per word (default: ${DEFAULT-VALUE})")
        int k;

        @Override
        public void run() {
            if (k < 1) {
                throw new DlforgeException("-k must be at least 1, got " + k, "leave it out for 10 neighbours per word");
            }
            if (!Files.isRegularFile(file)) {
                throw new DlforgeException("no file " + file, "give a word2vec or GloVe text file, e.g. the vectors.txt of `dlforge word2vec train`");
            }
            WordVectors v;
            try {
                v = WordVectors.load(file);
            } catch (IOException e) {
                throw new DlforgeException("cannot read " + file + ": " + e.getMessage(), "check the file is readable", e);
            }
            for (String w : words) {
                parent.root.out.println(w + ": " + (v.contains(w) ? neighbours(v, w, k) : "(not in the " + v.size() + "-word vocabulary)"));
            }
        }
    }

    /** Sentences of the corpora as lower-case word tokens (tokens without a letter or digit dropped). */
    static List<List<String>> readCorpora(List<String> ids) {
        DatasetRegistry registry = DatasetRegistry.builtIn();
        WordTokenizer tokenizer = WordTokenizer.lowercase();
        List<List<String>> sentences = new ArrayList<>();
        for (String id : ids) {
            TextCorpusDataset corpus = registry.textCorpus(id.strip());
            List<String> text;
            try {
                text = corpus.read(DataCommand.resolver().resolve(corpus.spec(), null));
            } catch (IOException e) {
                throw new DlforgeException("cannot read dataset " + id + ": " + e.getMessage(), "run `dlforge data fetch " + id + "` again", e);
            }
            for (String s : text) {
                List<String> words = tokenizer.tokens(s).stream().filter(t -> t.codePoints().anyMatch(Character::isLetterOrDigit)).toList();
                if (!words.isEmpty()) {
                    sentences.add(words);
                }
            }
        }
        return sentences;
    }

    static String neighbours(WordVectors v, String word, int k) {
        return v.nearest(word, k).stream().map(s -> String.format(Locale.ROOT, "%s %.2f", s.word(), s.similarity()))
                .collect(Collectors.joining(", "));
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String str(long n) {
        return String.valueOf(n);
    }
}
