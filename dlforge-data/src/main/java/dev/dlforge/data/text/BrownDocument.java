package dev.dlforge.data.text;

import java.util.List;

/**
 * One of the Brown corpus's 500 text samples.
 *
 * @param id file name, e.g. {@code ca01}
 * @param genre one of the 15 categories of {@code cats.txt}, e.g. {@code news}
 * @param sentences in order, each word with its original Brown tag (upper case, e.g. {@code NN-TL})
 */
public record BrownDocument(String id, String genre, List<TaggedSentence> sentences) {

    public BrownDocument {
        sentences = List.copyOf(sentences);
    }

    public int tokens() {
        return sentences.stream().mapToInt(TaggedSentence::size).sum();
    }

    /** The running text, one sentence per string, words joined by single spaces. */
    public List<String> text() {
        return sentences.stream().map(s -> String.join(" ", s.words())).toList();
    }
}
