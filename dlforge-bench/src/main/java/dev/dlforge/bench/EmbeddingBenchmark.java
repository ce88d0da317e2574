package dev.dlforge.bench;

import dev.dlforge.models.text.MiniLmEncoder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Sentence-embedding throughput of {@link MiniLmEncoder} and langchain4j's in-process
 * {@link AllMiniLmL6V2EmbeddingModel} on the same ONNX file and the same sentences, each side as
 * it is meant to be used for a list: ours one call on the whole list (length-sorted batches),
 * langchain4j's {@code embedAll} (one text per forward pass, spread over a pool of one thread per
 * core). Sides alternate which goes first; both are warmed up untimed. Also checks that the two
 * agree (minimum cosine), so a fast wrong answer cannot pass.
 */
public final class EmbeddingBenchmark {
    /** {@code sentences} generated texts; {@code repeats} timed passes of each side. */
    public record Setup(int sentences, int repeats, long seed) {}

    /** One side's sentences per second over the passes, and the two sides' agreement. */
    public record Result(List<Double> ours, List<Double> langchain4j, double minCosine) {
        public double ratio() {
            return SpeedBenchmark.median(ours) / SpeedBenchmark.median(langchain4j);
        }
    }

    private final PrintStream out;

    public EmbeddingBenchmark(PrintStream out) {
        this.out = out;
    }

    public Result run(Setup setup) {
        List<String> texts = sentences(setup.sentences(), setup.seed());
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        long t0 = System.nanoTime();
        try (MiniLmEncoder ours = MiniLmEncoder.open()) {
            long t1 = System.nanoTime();
            AllMiniLmL6V2EmbeddingModel theirs = new AllMiniLmL6V2EmbeddingModel();
            long t2 = System.nanoTime();
            IntSummaryStatistics words = texts.stream().mapToInt(t -> t.split(" ").length).summaryStatistics();
            out.printf(Locale.ROOT, "all-MiniLM-L6-v2, %d sentences (%d-%d words, %d tokens on average), ONNX Runtime, %d threads%n",
                    texts.size(), words.getMin(), words.getMax(), averageTokens(ours, texts), ours.options().threads());
            out.printf(Locale.ROOT, "load: dlforge %.2f s, langchain4j %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            List<String> warm = texts.subList(0, Math.min(64, texts.size()));
            ours.embed(warm);
            theirs.embedAll(warm.stream().map(TextSegment::from).toList());

            out.printf(Locale.ROOT, "%-6s %18s %18s%n", "run", "dlforge sent/s", "langchain4j sent/s");
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            float[][] mine = null;
            List<Embedding> reference = null;
            for (int i = 1; i <= setup.repeats(); i++) {
                boolean oursFirst = i % 2 == 1;
                for (int side = 0; side < 2; side++) {
                    long start = System.nanoTime();
                    if ((side == 0) == oursFirst) {
                        mine = ours.embed(texts);
                        a.add(texts.size() / ((System.nanoTime() - start) / 1e9));
                    } else {
                        reference = theirs.embedAll(segments).content();
                        b.add(texts.size() / ((System.nanoTime() - start) / 1e9));
                    }
                }
                out.printf(Locale.ROOT, "%-6d %18.1f %18.1f%s%n", i, a.get(i - 1), b.get(i - 1), oursFirst ? "" : "   (langchain4j first)");
            }
            Result result = new Result(a, b, minCosine(mine, reference));
            out.printf(Locale.ROOT, "%-6s %18.1f %18.1f   dlforge / langchain4j = %.2fx%n", "median",
                    SpeedBenchmark.median(a), SpeedBenchmark.median(b), result.ratio());
            out.printf(Locale.ROOT, "agreement: minimum cosine %.7f (1 - %.1e) over the %d sentences%n", result.minCosine(),
                    1 - result.minCosine(), texts.size());
            return result;
        }
    }

    private static int averageTokens(MiniLmEncoder encoder, List<String> texts) {
        return (int) Math.round(texts.stream().mapToInt(t -> encoder.tokenizer().encode(t).length).average().orElse(0));
    }

    private static double minCosine(float[][] ours, List<Embedding> theirs) {
        double min = 1;
        for (int i = 0; i < ours.length; i++) {
            float[] v = theirs.get(i).vector();
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += (double) ours[i][d] * v[d]; // both are unit vectors
            }
            min = Math.min(min, dot);
        }
        return min;
    }

    private static final String[] SUBJECTS = {"The committee", "My neighbour", "A young engineer", "The old fisherman", "Our team",
        "The government", "Scientists at the university", "The children", "A stray dog", "The new manager", "Everyone in the village",
        "The author", "Her brother", "The startup", "The orchestra"};
    private static final String[] VERBS = {"announced", "discovered", "repaired", "criticised", "celebrated", "postponed",
        "investigated", "painted", "ignored", "published", "described", "sold", "built", "questioned", "recommended"};
    private static final String[] OBJECTS = {"the annual report", "a hidden treasure", "the broken bridge", "an unusual theory",
        "the quarterly results", "a small wooden boat", "the ancient manuscript", "the proposal", "a surprising recipe",
        "the long-awaited album", "the city's water supply", "a controversial film", "the vaccine trial", "her first novel"};
    private static final String[] TAILS = {"yesterday", "after a long debate", "despite the heavy rain", "in front of a large crowd",
        "without telling anyone", "for the third time this year", "because the deadline had passed", "with remarkable patience",
        "while the market was falling", "on Tuesday morning", "at the request of the mayor", "before anyone noticed"};
    private static final String[] CLAUSES = {"which surprised most observers", "although nobody expected it",
        "and the reaction online was immediate", "but the details remain unclear", "so the meeting was cancelled",
        "even though the budget was tight", "and critics called it a turning point", "while prices kept rising"};

    /** English-like sentences from a small grammar, 4 to about 35 words, deterministic for a seed. */
    static List<String> sentences(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder(pick(random, SUBJECTS)).append(' ').append(pick(random, VERBS));
            if (random.nextInt(4) == 0) {
                out.add(s.append(" it.").toString()); // the shortest: 4-6 words
                continue;
            }
            s.append(' ').append(pick(random, OBJECTS));
            int extra = random.nextInt(5);
            for (int k = 0; k < extra; k++) {
                s.append(random.nextBoolean() ? ", " : " ").append(random.nextBoolean() ? pick(random, TAILS) : pick(random, CLAUSES));
            }
            out.add(s.append(random.nextInt(6) == 0 ? "?" : ".").toString());
        }
        return out;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
