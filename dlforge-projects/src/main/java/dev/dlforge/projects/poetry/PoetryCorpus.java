package dev.dlforge.projects.poetry;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.Fortunes;
import dev.dlforge.data.datasets.MobyDick;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.projects.ExampleLimit;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A corpus's running text cut into training, validation and test text: the first 90% of its
 * characters, the next 5% and the last 5%, each cut moved forward to the next line break so no line
 * is split. A contiguous split (rather than shuffled lines) keeps whole poems and chapters in one
 * part, so the test text is text the model has never seen any line of.
 */
record PoetryCorpus(String datasetId, String train, String validation, String test) {
    static final double TRAIN_SHARE = 0.90;
    static final double VALIDATION_SHARE = 0.05;

    static PoetryCorpus load(String dataset, Path explicit) {
        String id = dataset.equals("songs-poems") ? Fortunes.ID : dataset.equals("moby-dick") ? MobyDick.ID : dataset;
        TextCorpusDataset corpus = DatasetRegistry.builtIn().textCorpus(id);
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(corpus.spec(), explicit);
        try {
            String text = dataset.equals("songs-poems") ? ((Fortunes) corpus).runningText(dir, Fortunes.SONGS_POEMS) : corpus.runningText(dir);
            return split(dataset, text);
        } catch (IOException e) {
            throw new DlforgeException("cannot read " + dataset + " from " + dir + ": " + e.getMessage(), "check the folder, or remove it to fetch again");
        }
    }

    static PoetryCorpus split(String datasetId, String text) {
        int a = lineEnd(text, (int) (text.length() * TRAIN_SHARE));
        int b = lineEnd(text, Math.max(a, (int) (text.length() * (TRAIN_SHARE + VALIDATION_SHARE))));
        return new PoetryCorpus(datasetId, text.substring(0, a), text.substring(a, b), text.substring(b));
    }

    /**
     * The windows {@code --limit N} leaves a held-out text ({@code validation} or {@code test}): N
     * training windows and the held-out text's share of the training text, by characters,
     * {@link ExampleLimit#heldOut}; 0 (all of it) with no limit.
     */
    int heldOutWindows(int limit, String heldOut) {
        return limit > 0 ? ExampleLimit.heldOut(limit, train.length(), heldOut.length()) : 0;
    }

    /** Refuses, before anything trains, a {@code --limit} that leaves no validation or no test window. */
    void requireHeldOutWindows(int limit) {
        ExampleLimit.requireNonEmpty(limit, heldOutWindows(limit, validation), "validation windows",
                ExampleLimit.minimumFor(1, train.length(), validation.length()));
        ExampleLimit.requireNonEmpty(limit, heldOutWindows(limit, test), "test windows", ExampleLimit.minimumFor(1, train.length(), test.length()));
    }

    /** The index just after the first line break at or after {@code from}; the end if none. */
    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }
}
