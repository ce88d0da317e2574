package dev.dlforge.data.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Reproducible, stratified train/held-out splits. */
public final class Splits {
    private Splits() {}

    /** Index lists of the two parts. */
    public record Split(int[] kept, int[] heldOut) {}

    /**
     * Holds out {@code fraction} of each class, chosen by a shuffle seeded with {@code seed}; both
     * parts keep the original order of the examples.
     */
    public static Split stratified(int[] labels, int classes, double fraction, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        boolean[] held = new boolean[labels.length];
        Random rng = new Random(seed);
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, rng);
            int k = (int) Math.round(members.size() * fraction);
            for (int j = 0; j < k; j++) {
                held[members.get(j)] = true;
            }
        }
        int heldCount = 0;
        for (boolean h : held) {
            heldCount += h ? 1 : 0;
        }
        int[] kept = new int[labels.length - heldCount];
        int[] out = new int[heldCount];
        for (int i = 0, a = 0, b = 0; i < labels.length; i++) {
            if (held[i]) {
                out[b++] = i;
            } else {
                kept[a++] = i;
            }
        }
        return new Split(kept, out);
    }
}
