package dev.dlforge.projects.pos;

import dev.dlforge.data.text.TaggedSentence;
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

    /** At most {@code n} sentences of each split (the first ones: whole documents stay together). */
    TaggingData limit(int n) {
        return new TaggingData(datasetId, head(train, n), head(validation, n), head(test, n), tags, entities,
                splitNote + "; first " + n + " sentences of each split (--limit)");
    }

    private static List<TaggedSentence> head(List<TaggedSentence> s, int n) {
        return s.subList(0, Math.min(n, s.size()));
    }

    long trainTokens() {
        return train.stream().mapToLong(TaggedSentence::size).sum();
    }
}
