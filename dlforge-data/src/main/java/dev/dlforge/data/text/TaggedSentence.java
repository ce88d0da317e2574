package dev.dlforge.data.text;

import java.util.List;

/** One sentence as words with one tag each (a part of speech, or an entity tag such as {@code B-PER}). */
public record TaggedSentence(List<String> words, List<String> tags) {

    public TaggedSentence {
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + tags.size() + " tags");
        }
        words = List.copyOf(words);
        tags = List.copyOf(tags);
    }

    public int size() {
        return words.size();
    }

    /** The same words with each tag replaced by {@code mapping}'s image of it. */
    public TaggedSentence mapTags(java.util.function.UnaryOperator<String> mapping) {
        return new TaggedSentence(words, tags.stream().map(mapping).toList());
    }
}
