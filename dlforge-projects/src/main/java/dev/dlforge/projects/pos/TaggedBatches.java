package dev.dlforge.projects.pos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.engine.Seeds;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.BatchSource;
import dev.dlforge.data.text.TaggedSentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Sentences as padded batches: inputs word, suffix and shape ids (B, T) and a mask (B, T) of 1s
 * then 0s; labels the tag ids (B, T). A batch's size is its number of real tokens, so epoch means are
 * per token and the progress bar's rate is tokens per second.
 *
 * <p>Training batches group sentences of similar length (sorted within pools of
 * {@value #POOL_BATCHES} batches of a seeded shuffle), which cuts padding several-fold; the pool
 * and batch order still change every epoch. Everything derives from (seed, epoch): resumable.
 */
final class TaggedBatches implements BatchSource {
    static final int POOL_BATCHES = 50;
    private final int[][] words;
    private final int[][] suffixes;
    private final int[][] shapes;
    private final int[][] tags;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private int plannedEpoch = -1;
    private List<int[]> plan;

    private TaggedBatches(int[][] words, int[][] suffixes, int[][] shapes, int[][] tags, int batchSize, boolean shuffle, long seed) {
        this.words = words;
        this.suffixes = suffixes;
        this.shapes = shapes;
        this.tags = tags;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    static TaggedBatches training(List<TaggedSentence> s, TokenFeatures f, Map<String, Integer> tagIds, int batchSize, long seed) {
        return of(s, f, tagIds, batchSize, true, seed);
    }

    /** In order, unshuffled (tags unknown to {@code tagIds} are id 0). */
    static TaggedBatches evaluation(List<TaggedSentence> s, TokenFeatures f, Map<String, Integer> tagIds, int batchSize) {
        return of(s, f, tagIds, batchSize, false, 0);
    }

    private static TaggedBatches of(List<TaggedSentence> s, TokenFeatures f, Map<String, Integer> tagIds, int batchSize,
            boolean shuffle, long seed) {
        int n = s.size();
        int[][] w = new int[n][];
        int[][] x = new int[n][];
        int[][] h = new int[n][];
        int[][] t = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> ws = s.get(i).words();
            w[i] = ws.stream().mapToInt(f::wordId).toArray();
            x[i] = ws.stream().mapToInt(f::suffixId).toArray();
            h[i] = ws.stream().mapToInt(TokenFeatures::shape).toArray();
            t[i] = s.get(i).tags().stream().mapToInt(tag -> tagIds.getOrDefault(tag, 0)).toArray();
        }
        return new TaggedBatches(w, x, h, t, batchSize, shuffle, seed);
    }

    @Override
    public int examples() {
        return words.length;
    }

    @Override
    public int batchesPerEpoch() {
        return (words.length + batchSize - 1) / batchSize;
    }

    /** The sentence indices of batch {@code index} of {@code epoch}. */
    synchronized int[] members(int epoch, int index) {
        if (!shuffle) {
            return IntStream.range(index * batchSize, Math.min(words.length, (index + 1) * batchSize)).toArray();
        }
        if (plannedEpoch != epoch) {
            plan = plan(epoch);
            plannedEpoch = epoch;
        }
        return plan.get(index);
    }

    private List<int[]> plan(int epoch) {
        Random random = new Random(Seeds.mix(seed, epoch));
        Integer[] order = IntStream.range(0, words.length).boxed().toArray(Integer[]::new);
        Collections.shuffle(Arrays.asList(order), random);
        int pool = batchSize * POOL_BATCHES;
        for (int from = 0; from < order.length; from += pool) {
            Arrays.sort(order, from, Math.min(order.length, from + pool), Comparator.comparingInt(i -> words[i].length));
        }
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(Arrays.stream(order, from, Math.min(order.length, from + batchSize)).mapToInt(Integer::intValue).toArray());
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    @Override
    public Batch batch(int epoch, int index, NDManager manager) {
        int[] members = members(epoch, index);
        int b = members.length;
        int t = 1;
        for (int i : members) {
            t = Math.max(t, words[i].length);
        }
        int[] w = new int[b * t];
        int[] x = new int[b * t];
        int[] h = new int[b * t];
        int[] y = new int[b * t];
        float[] mask = new float[b * t];
        int tokens = 0;
        for (int r = 0; r < b; r++) {
            int i = members[r];
            int n = words[i].length;
            System.arraycopy(words[i], 0, w, r * t, n);
            System.arraycopy(suffixes[i], 0, x, r * t, n);
            System.arraycopy(shapes[i], 0, h, r * t, n);
            System.arraycopy(tags[i], 0, y, r * t, n);
            Arrays.fill(mask, r * t, r * t + n, 1f);
            tokens += n;
        }
        Shape shape = new Shape(b, t);
        NDArray maskArray = manager.create(mask, shape);
        return new Batch(new NDList(manager.create(w, shape), manager.create(x, shape), manager.create(h, shape), maskArray),
                new NDList(manager.create(y, shape)), tokens);
    }

    /** Real tokens of each sentence of batch {@code index} (evaluation order). */
    int[] lengths(int epoch, int index) {
        return Arrays.stream(members(epoch, index)).map(i -> words[i].length).toArray();
    }
}
