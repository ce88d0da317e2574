package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;

/**
 * What {@code --limit N} means in every project: N training examples. A held-out set (validation,
 * test) keeps its full-data proportion to the training set, {@code round(N * fullHeldOut / fullTrain)}
 * capped at {@code fullHeldOut}; a limit that leaves a held-out set empty is the user's error, raised
 * before anything trains, naming a limit that works.
 */
public final class ExampleLimit {
    private ExampleLimit() {}

    /** The held-out set's size next to {@code limit} training examples (all of it when {@code limit} is 0: no limit). */
    public static int heldOut(int limit, long fullTrain, int fullHeldOut) {
        if (limit <= 0 || fullTrain <= 0) {
            return fullHeldOut;
        }
        return (int) Math.min(fullHeldOut, Math.round((double) limit * fullHeldOut / fullTrain));
    }

    /**
     * The smallest limit that gives a held-out set of at least {@code needed} examples in
     * proportion: {@code ceil(needed * fullTrain / fullHeldOut)}.
     */
    public static int minimumFor(int needed, long fullTrain, int fullHeldOut) {
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil((double) needed * fullTrain / Math.max(1, fullHeldOut)));
    }

    /**
     * Fails when {@code count} (the held-out set the limit left) is empty: "--limit 5 leaves no test images: use at least 90".
     *
     * @param what the set and its unit, e.g. {@code test images}
     */
    public static void requireNonEmpty(int limit, int count, String what, int minimum) {
        if (limit > 0 && count < 1) {
            throw new DlforgeException("--limit " + limit + " leaves no " + what + ": use at least " + minimum,
                    "or leave out --limit to train on every example");
        }
    }
}
