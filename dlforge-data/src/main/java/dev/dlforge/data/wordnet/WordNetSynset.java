package dev.dlforge.data.wordnet;

import java.util.List;

/**
 * One WordNet synset: a set of synonymous lemmas and their gloss.
 *
 * @param offset the 8-digit byte offset that identifies it within its data file
 * @param pos {@code n} noun, {@code v} verb, {@code a} adjective, {@code s} satellite adjective, {@code r} adverb
 * @param lemmas the words, underscores as spaces and adjective markers such as {@code (a)} removed
 * @param definition the gloss without its examples
 * @param examples the gloss's quoted usage examples, quotes removed
 */
public record WordNetSynset(String offset, char pos, List<String> lemmas, String definition, List<String> examples) {
    public WordNetSynset {
        lemmas = List.copyOf(lemmas);
        examples = List.copyOf(examples);
    }

    /** E.g. {@code 00001740-n}, the sense-key-free id NLTK and the Open Multilingual WordNet use. */
    public String id() {
        return offset + "-" + pos;
    }
}
