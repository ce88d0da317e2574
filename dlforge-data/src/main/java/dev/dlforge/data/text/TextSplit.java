package dev.dlforge.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Train, validation and test parts of labelled texts, split within each group in the same
 * proportions (a stratified split by group): with SpamAssassin every folder, easy and hard ham as
 * well as old and new spam, is represented in the test set as it is in training.
 *
 * @param note how the parts were made, for reports
 */
public record TextSplit(LabeledTexts train, LabeledTexts validation, LabeledTexts test, String note) {

    /**
     * Shuffles each group with {@code seed}, then takes {@code testFraction} of it (rounded) for
     * test, {@code validationFraction} for validation and the rest for training; parts keep the
     * original order.
     */
    public static TextSplit byGroup(LabeledTexts all, double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction <= 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("fractions must leave training data: validation " + validationFraction + ", test " + testFraction);
        }
        Random rng = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : all.byGroup().values()) {
            List<Integer> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, rng);
            int nTest = (int) Math.round(shuffled.size() * testFraction);
            int nVal = (int) Math.round(shuffled.size() * validationFraction);
            test.addAll(shuffled.subList(0, nTest));
            val.addAll(shuffled.subList(nTest, Math.min(shuffled.size(), nTest + nVal)));
            train.addAll(shuffled.subList(Math.min(shuffled.size(), nTest + nVal), shuffled.size()));
        }
        String note = String.format(Locale.ROOT, "split within each of %d groups: %.0f%% test, %.0f%% validation, the rest training; shuffle seed %d",
                all.byGroup().size(), 100 * testFraction, 100 * validationFraction, seed);
        return new TextSplit(all.select(sorted(train)), all.select(sorted(val)), all.select(sorted(test)), note);
    }

    /**
     * A published split kept: every text of {@code testGroups} is test; of each other group
     * {@code validationFraction} (rounded, after a shuffle with {@code seed}) is validation and the
     * rest training. Parts keep the original order.
     */
    public static TextSplit withTestGroups(LabeledTexts all, java.util.Set<String> testGroups, double validationFraction, long seed) {
        Random rng = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (var group : all.byGroup().entrySet()) {
            if (testGroups.contains(group.getKey())) {
                test.addAll(group.getValue());
                continue;
            }
            List<Integer> shuffled = new ArrayList<>(group.getValue());
            Collections.shuffle(shuffled, rng);
            int nVal = (int) Math.round(shuffled.size() * validationFraction);
            val.addAll(shuffled.subList(0, nVal));
            train.addAll(shuffled.subList(nVal, shuffled.size()));
        }
        String note = String.format(Locale.ROOT, "the published split: %s held out for test; %.0f%% of the rest for validation; shuffle seed %d",
                String.join(", ", new java.util.TreeSet<>(testGroups)), 100 * validationFraction, seed);
        return new TextSplit(all.select(sorted(train)), all.select(sorted(val)), all.select(sorted(test)), note);
    }

    private static int[] sorted(List<Integer> indices) {
        Collections.sort(indices);
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
