package dev.dlforge.projects.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.eval.ClassifierEvaluation;
import dev.dlforge.core.eval.RocCurve;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a binary classifier's probabilities become its answer: the positive class when
 * p(positive) >= {@code threshold}, otherwise the most probable other class. The threshold is
 * chosen on the validation split for a stated false-positive rate ({@link #atFalsePositiveRate})
 * and saved in the model folder as {@value #FILE}, where predict, the HTTP API and the studio read it.
 *
 * @param positive the positive class, e.g. {@code spam}
 * @param threshold the least p(positive) answered as positive
 * @param maxFalsePositiveRate the rate it was chosen for, e.g. 0.005
 * @param validationFalsePositiveRate FP / N on the validation split at {@code threshold}
 * @param validationRecall TP / P on the validation split at {@code threshold}
 * @param validationNegatives N: validation texts of the other classes
 * @param validationPositives P: validation texts of the positive class
 * @param perGroup whether the rate was held within every group of negatives, not only pooled
 */
public record DecisionThreshold(String positive, double threshold, double maxFalsePositiveRate, double validationFalsePositiveRate,
        double validationRecall, long validationNegatives, long validationPositives, boolean perGroup) {
    public static final String FILE = "decision.json";
    /** Never below one half: a class the model finds less likely than not is never the answer. */
    static final double FLOOR = 0.5;
    /** Above every probability: nothing is called positive (when even the top score breaks the rate). */
    static final double NOTHING = Math.nextUp(1.0);

    /**
     * The lowest threshold t >= {@value #FLOOR} at which the validation false-positive rate
     * #{negatives with p >= t} / N is at most {@code maxFalsePositiveRate}. Candidates are the
     * scores themselves, tied scores moving together; a lower t calls more texts positive, so the
     * lowest allowed t has the highest recall at that rate. When even the highest score breaks the
     * rate, t is {@link #NOTHING}. With N = 415 and a rate of 0.5%, at most 2 negatives may score t or more.
     *
     * @param isPositive per validation text, whether it is of the positive class
     * @param scores per validation text, p(positive)
     */
    public static DecisionThreshold atFalsePositiveRate(String positive, boolean[] isPositive, double[] scores, double maxFalsePositiveRate) {
        return at(positive, isPositive, scores, lowestAllowed(isPositive, scores, maxFalsePositiveRate), maxFalsePositiveRate, false);
    }

    /**
     * As {@link #atFalsePositiveRate(String, boolean[], double[], double)}, with the rate held
     * within every group of negatives: t is the highest of the thresholds each group's negatives
     * allow on their own. A rare kind of negative (spam: the hard-ham folder, commercial-looking
     * mail, 25 of 415 validation texts) then keeps its own rate instead of hiding in the pooled one;
     * with 25 texts and 0.5%, none of them may be called positive.
     *
     * @param groups per validation text, its group (e.g. its SpamAssassin folder)
     */
    public static DecisionThreshold atFalsePositiveRatePerGroup(String positive, boolean[] isPositive, double[] scores, List<String> groups,
            double maxFalsePositiveRate) {
        double t = FLOOR;
        for (String g : groups.stream().distinct().toList()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                if (isPositive[i] || groups.get(i).equals(g)) {
                    members.add(i);
                }
            }
            boolean[] p = new boolean[members.size()];
            double[] s = new double[members.size()];
            for (int k = 0; k < members.size(); k++) {
                p[k] = isPositive[members.get(k)];
                s[k] = scores[members.get(k)];
            }
            boolean hasNegatives = members.stream().anyMatch(i -> !isPositive[i]);
            if (hasNegatives) {
                t = Math.max(t, lowestAllowed(p, s, maxFalsePositiveRate));
            }
        }
        return at(positive, isPositive, scores, t, maxFalsePositiveRate, true);
    }

    /** The lowest threshold (at least the floor) at which FP / N <= the rate. */
    private static double lowestAllowed(boolean[] isPositive, double[] scores, double maxFalsePositiveRate) {
        RocCurve roc = RocCurve.of(isPositive, scores); // one point per distinct score, by falling threshold: FPR rising
        int allowed = 0;
        for (int i = 1; i < roc.thresholds().length && roc.falsePositiveRate()[i] <= maxFalsePositiveRate; i++) {
            allowed = i;
        }
        return Math.max(FLOOR, allowed == 0 ? NOTHING : roc.thresholds()[allowed]);
    }

    /** The decision at threshold {@code t}, with its validation figures. */
    private static DecisionThreshold at(String positive, boolean[] isPositive, double[] scores, double t, double maxFalsePositiveRate,
            boolean perGroup) {
        long negatives = 0;
        long positives = 0;
        long falsePositives = 0;
        long truePositives = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] >= t;
            if (isPositive[i]) {
                positives++;
                truePositives += called ? 1 : 0;
            } else {
                negatives++;
                falsePositives += called ? 1 : 0;
            }
        }
        return new DecisionThreshold(positive, t, maxFalsePositiveRate, negatives == 0 ? Double.NaN : falsePositives / (double) negatives,
                positives == 0 ? Double.NaN : truePositives / (double) positives, negatives, positives, perGroup);
    }

    /** The answer for one row of probabilities over {@code classes}. */
    public int decide(float[] p, List<String> classes) {
        int pos = classes.indexOf(positive);
        if (pos < 0) {
            throw new DlforgeException("the model's decision is about class '" + positive + "', which it does not have (" + classes + ")",
                    "retrain the run");
        }
        if (p[pos] >= threshold) {
            return pos;
        }
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (c != pos && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return best;
    }

    /** Answers for (N, K) probabilities; with no threshold ({@code decision} null) the most probable class. */
    public static int[] decide(DecisionThreshold decision, float[][] p, List<String> classes) {
        int[] answers = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            answers[i] = decision == null ? ClassifierEvaluation.argMax(p[i]) : decision.decide(p[i], classes);
        }
        return answers;
    }

    /** For people: "spam when p(spam) >= 0.9620 (chosen for a false-positive rate <= 0.5% in every group of validation ham)". */
    public String rule() {
        String when = threshold > 1 ? "never (no threshold met the rate on validation)"
                : String.format(Locale.ROOT, "when p(%s) >= %.4f", positive, threshold);
        return String.format(Locale.ROOT, "%s %s (chosen for a false-positive rate <= %s %s)", positive, when, percent(maxFalsePositiveRate),
                scope());
    }

    /** Where the rate holds: "on validation" or "in every group of validation negatives". */
    public String scope() {
        return perGroup ? "in every group of validation negatives" : "on validation";
    }

    /** 0.005 as "0.5%". */
    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate * 100).replaceAll("0+$", "").replaceAll("\\.$", "") + "%";
    }

    public void save(Path modelDir) throws IOException {
        Json.writeFile(modelDir.resolve(FILE), this);
    }

    /** The decision saved in a model folder; empty for models answered by their most probable class. */
    public static Optional<DecisionThreshold> read(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.readFile(file, DecisionThreshold.class));
        } catch (IOException e) {
            throw new DlforgeException("cannot read " + file + ": " + e.getMessage(), "retrain the run, or restore the file from its copy in models/");
        }
    }
}
