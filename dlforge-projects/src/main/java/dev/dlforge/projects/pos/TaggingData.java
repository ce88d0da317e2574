package dev.dlforge.projects.pos;

import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.projects.ExampleLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tagged sentences split for training, validation and test, and the tag set.
 *
 * @param entities true for entity tags (IOB), where entity-level F1 is the headline
 * @param splitNote how the splits were made, for the report
 */
record TaggingData(String datasetId, List<TaggedSentence> train, List<TaggedSentence> validation, List<TaggedSentence> test,
        List<String> tags, boolean entities, String splitNote) {

    /** Tags in {@code preferred} order first, then any others seen in the data, sorted. */
    static List<String> tagsOf(List<String> preferred, List<List<TaggedSentence>> splits) {
        TreeSet<String> seen = new TreeSet<>();
        splits.forEach(split -> split.forEach(s -> seen.addAll(s.tags())));
        List<String> tags = new ArrayList<>(preferred.stream().filter(seen::contains).toList());
        seen.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        return tags;
    }

    /**
     * {@code --limit n}: the first n training sentences (whole documents stay together) and the first
     * {@link ExampleLimit#heldOut} of n validation and test sentences, each held-out split's share of
     * the full training split; a limit that leaves a non-empty held-out split empty is refused.
     */
    TaggingData limit(int n) {
        int v = heldOut(n, validation, "validation sentences");
        int t = heldOut(n, test, "test sentences");
        return new TaggingData(datasetId, head(train, n), head(validation, v), head(test, t), tags, entities, splitNote + "; --limit "
                + n + ": the first " + Math.min(n, train.size()) + " training, " + v + " validation and " + t + " test sentences");
    }

    private int heldOut(int n, List<TaggedSentence> split, String what) {
        int kept = ExampleLimit.heldOut(n, train.size(), split.size());
        if (!split.isEmpty()) {
            ExampleLimit.requireNonEmpty(n, kept, what, ExampleLimit.minimumFor(1, train.size(), split.size()));
        }
        return kept;
    }

    private static List<TaggedSentence> head(List<TaggedSentence> s, int n) {
        return s.subList(0, Math.min(n, s.size()));
    }

    long trainTokens() {
        return train.stream().mapToLong(TaggedSentence::size).sum();
    }
}
