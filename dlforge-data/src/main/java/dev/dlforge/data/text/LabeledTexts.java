package dev.dlforge.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Texts with class labels, each from a named group (a source folder, a genre, a corpus part) so
 * splits can keep every group in proportion.
 *
 * @param classes class names; a label is an index into this list
 * @param texts one text per example
 * @param labels class index per example
 * @param groups group name per example
 * @param ids where each example came from (file name), for reports
 */
public record LabeledTexts(List<String> classes, List<String> texts, int[] labels, List<String> groups, List<String> ids) {

    public LabeledTexts {
        classes = List.copyOf(classes);
        texts = List.copyOf(texts);
        groups = List.copyOf(groups);
        ids = List.copyOf(ids);
        if (texts.size() != labels.length || groups.size() != labels.length || ids.size() != labels.length) {
            throw new IllegalArgumentException("texts, labels, groups and ids differ in length: " + texts.size() + ", "
                    + labels.length + ", " + groups.size() + ", " + ids.size());
        }
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException("label " + label + " is not one of " + classes.size() + " classes");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** The examples at {@code indices}, in that order. */
    public LabeledTexts select(int[] indices) {
        List<String> t = new ArrayList<>(indices.length);
        List<String> g = new ArrayList<>(indices.length);
        List<String> d = new ArrayList<>(indices.length);
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            t.add(texts.get(indices[i]));
            g.add(groups.get(indices[i]));
            d.add(ids.get(indices[i]));
            l[i] = labels[indices[i]];
        }
        return new LabeledTexts(classes, t, l, g, d);
    }

    /** Example indices per group, groups in order of first appearance. */
    public Map<String, List<Integer>> byGroup() {
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            by.computeIfAbsent(groups.get(i), k -> new ArrayList<>()).add(i);
        }
        return by;
    }

    /** Examples per class. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /**
     * At most {@code n} examples, every group in proportion (at least one of each), chosen by a
     * shuffle seeded with {@code seed}; original order kept.
     */
    public LabeledTexts sample(int n, long seed) {
        if (n >= size()) {
            return this;
        }
        Random rng = new Random(seed);
        List<Integer> picked = new ArrayList<>();
        for (List<Integer> members : byGroup().values()) {
            List<Integer> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, rng);
            int k = Math.max(1, (int) Math.round(members.size() * (double) n / size()));
            picked.addAll(shuffled.subList(0, Math.min(k, shuffled.size())));
        }
        Collections.sort(picked);
        return select(picked.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The parts one after another; they must have the same classes. */
    public static LabeledTexts concat(List<LabeledTexts> parts) {
        List<String> t = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<String> d = new ArrayList<>();
        int[] l = new int[parts.stream().mapToInt(LabeledTexts::size).sum()];
        int n = 0;
        for (LabeledTexts p : parts) {
            if (!p.classes().equals(parts.get(0).classes())) {
                throw new IllegalArgumentException("classes differ: " + p.classes() + " and " + parts.get(0).classes());
            }
            t.addAll(p.texts());
            g.addAll(p.groups());
            d.addAll(p.ids());
            System.arraycopy(p.labels(), 0, l, n, p.size());
            n += p.size();
        }
        return new LabeledTexts(parts.get(0).classes(), t, l, g, d);
    }
}
