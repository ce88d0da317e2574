package dev.dlforge.models.text.sentiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels unlabelled sentences with VADER for training a learned model offline: a sentence whose
 * compound score is at least {@code threshold} becomes positive, at most {@code -threshold}
 * negative; the rest are left out. Duplicates (same text ignoring case and spacing) count once, and
 * the larger class is cut at random (seeded) to the size of the smaller one.
 *
 * <p>This is distant supervision, and its biases are VADER's: the labels are exactly as right as the
 * lexicon and rules are, so a model trained on them learns to imitate VADER (including its mistakes,
 * e.g. on sarcasm or on domain words the lexicon lacks), and the threshold keeps only sentences with
 * strong, explicit sentiment words: hedged, implicit or negated-by-context sentiment is
 * under-represented. What it can add over VADER is generalisation from the words that co-occur with
 * the lexicon words. Evaluate on human labels (the hand-written evaluation set), never on these.
 */
public final class LexiconLabeler {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * @param threshold minimum |compound| for a label; 0.5 keeps clearly polar sentences
     * @param balance cut the larger class to the smaller one's size
     * @param maxChars longer sentences are left out (VADER is meant for sentences)
     * @param seed for which sentences of the larger class are kept
     */
    public record Config(double threshold, boolean balance, int maxChars, long seed) {
        public static Config defaults() {
            return new Config(0.5, true, 1000, 42L);
        }
    }

    /**
     * The labelled sentences, in input order, and how many were left out at each step.
     *
     * @param texts kept sentences
     * @param labels 0 negative, 1 positive, one per text
     * @param sources each kept sentence's index in the input
     * @param duplicates repeats of an earlier sentence
     * @param unusable blank or longer than {@code maxChars}
     * @param belowThreshold |compound| under the threshold
     * @param droppedForBalance cut from the larger class
     */
    public record Result(List<String> texts, int[] labels, int[] sources, int duplicates, int unusable, int belowThreshold,
            int droppedForBalance) {
        public int positives() {
            int n = 0;
            for (int label : labels) {
                n += label;
            }
            return n;
        }
    }

    private final Vader vader;
    private final Config config;

    public LexiconLabeler(Vader vader, Config config) {
        this.vader = vader;
        this.config = config;
    }

    public Result label(List<String> sentences) {
        Set<String> seen = new HashSet<>();
        List<Integer> positive = new ArrayList<>();
        List<Integer> negative = new ArrayList<>();
        int duplicates = 0;
        int unusable = 0;
        int weak = 0;
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i) == null ? "" : sentences.get(i).strip();
            if (s.isEmpty() || s.length() > config.maxChars()) {
                unusable++;
                continue;
            }
            if (!seen.add(SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" "))) {
                duplicates++;
                continue;
            }
            double compound = vader.score(s).compound();
            if (compound >= config.threshold()) {
                positive.add(i);
            } else if (compound <= -config.threshold()) {
                negative.add(i);
            } else {
                weak++;
            }
        }
        int dropped = 0;
        if (config.balance()) {
            int n = Math.min(positive.size(), negative.size());
            dropped = positive.size() + negative.size() - 2 * n;
            positive = sample(positive, n);
            negative = sample(negative, n);
        }
        List<Integer> kept = new ArrayList<>(positive);
        kept.addAll(negative);
        Collections.sort(kept);
        Set<Integer> positiveSet = new HashSet<>(positive);
        List<String> texts = new ArrayList<>(kept.size());
        int[] labels = new int[kept.size()];
        int[] sources = kept.stream().mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < kept.size(); k++) {
            texts.add(sentences.get(kept.get(k)).strip());
            labels[k] = positiveSet.contains(kept.get(k)) ? 1 : 0;
        }
        return new Result(List.copyOf(texts), labels, sources, duplicates, unusable, weak, dropped);
    }

    private List<Integer> sample(List<Integer> indices, int n) {
        if (indices.size() <= n) {
            return indices;
        }
        List<Integer> shuffled = new ArrayList<>(indices);
        Collections.shuffle(shuffled, new Random(config.seed()));
        return shuffled.subList(0, n);
    }
}
