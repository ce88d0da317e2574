package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.models.text.Word2VecConfig;
import dev.dlforge.models.text.WordVectors;
import dev.dlforge.projects.word2vec.Word2VecTraining;
import dev.dlforge.projects.word2vec.WordCorpus;
import dev.dlforge.projects.word2vec.WordProbes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
            WordCorpus corpus = WordCorpus.read(DatasetRegistry.builtIn(), DataCommand.resolver(), corpora);
            console.printf(Locale.ROOT, "corpus %s: %,d sentences, %,d words%n", corpus.name(), corpus.sentences().size(), corpus.words());
            Path dir = out != null ? out : Word2VecTraining.defaultFolder(DlforgeHome.current(), corpus);
            Word2VecTraining.Trained trained = Word2VecTraining.train(corpus, config, dir);
            var result = trained.result();
            WordVectors vectors = result.vectors();
            console.printf(Locale.ROOT, "vocabulary %,d words (min count %d); %,d words in %.1f s = %,.0f words/s on %d thread(s)%n",
                    vectors.size(), config.minCount(), result.processedWords(), result.seconds(), result.wordsPerSecond(), config.threads());
            for (String p : WordProbes.standard().probes()) {
                if (vectors.contains(p)) {
                    console.println(p + ": " + Word2VecTraining.neighbours(vectors, p, 8));
                }
            }
            console.println("wrote " + trained.vectors() + " and " + trained.report());
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
                parent.root.out.println(w + ": " + (v.contains(w) ? Word2VecTraining.neighbours(v, w, k) : "(not in the " + v.size() + "-word vocabulary)"));
            }
        }
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
