package dev.dlforge.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Train, validation and test parts of labelled texts. {@link #byGroup} splits within each group in
 * the same proportions (a stratified split by group): with SpamAssassin every folder, easy and hard
 * ham as well as old and new spam, is represented in the test set as it is in training.
 * {@link #byWholeGroup} instead keeps each group on one side, for examples cut from one document.
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
     * Holds out whole groups (e.g. documents cut into passages): no group has examples on two sides.
     * Within each class, its groups (a group's class is that of its first example) are shuffled with
     * {@code seed}; {@code testFraction} of them (rounded, but at least one when the class has two
     * or more groups) go to test, {@code validationFraction} (rounded) to validation, the rest to
     * training. Fractions count groups, not examples.
     */
    public static TextSplit byWholeGroup(LabeledTexts all, double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction <= 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("fractions must leave training data: validation " + validationFraction + ", test " + testFraction);
        }
        Map<String, List<Integer>> groups = all.byGroup();
        Map<Integer, List<String>> groupsOfClass = new TreeMap<>();
        groups.forEach((group, members) -> groupsOfClass.computeIfAbsent(all.labels()[members.get(0)], c -> new ArrayList<>()).add(group));
        Random rng = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<String> classGroups : groupsOfClass.values()) {
            List<String> shuffled = new ArrayList<>(classGroups);
            Collections.shuffle(shuffled, rng);
            int n = shuffled.size();
            int nTest = Math.min(n - 1, Math.max(n >= 2 ? 1 : 0, (int) Math.round(n * testFraction)));
            int nVal = Math.min(n - 1 - nTest, (int) Math.round(n * validationFraction));
            for (int i = 0; i < n; i++) {
                (i < nTest ? test : i < nTest + nVal ? val : train).addAll(groups.get(shuffled.get(i)));
            }
        }
        String note = String.format(Locale.ROOT, "whole groups held out (%d groups, none on two sides), per class: %.0f%% of its groups "
                + "test, %.0f%% validation, the rest training; shuffle seed %d", groups.size(), 100 * testFraction, 100 * validationFraction, seed);
        return new TextSplit(all.select(sorted(train)), all.select(sorted(val)), all.select(sorted(test)), note);
    }

    private static int[] sorted(List<Integer> indices) {
        Collections.sort(indices);
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A published split kept: every text of {@code testGroups} is test; of each other group
     * {@code validationFraction} (rounded, after a shuffle with {@code seed}) is validation and the
     * rest training. Parts keep the original order.
     */
    public static TextSplit withTestGroups(LabeledTexts all, Set<String> testGroups, double validationFraction, long seed) {
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
                String.join(", ", new TreeSet<>(testGroups)), 100 * validationFraction, seed);
        return new TextSplit(all.select(sorted(train)), all.select(sorted(val)), all.select(sorted(test)), note);
    }
}
