package dev.dlforge.projects.word2vec;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.WordTokenizer;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.text.TextCorpusDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences word2vec trains on: every unit of the text corpora {@code ids}, as lower-case word
 * tokens, tokens without a letter or digit dropped, sentences left empty dropped.
 *
 * @param ids the corpora, as in {@code dlforge data list}
 * @param sentences in corpus order
 * @param words the tokens of all sentences
 */
public record WordCorpus(List<String> ids, List<List<String>> sentences, long words) {

    public WordCorpus {
        ids = List.copyOf(ids);
        sentences = List.copyOf(sentences);
    }

    /** Reads the corpora {@code ids} of {@code registry}, fetching those {@code resolver} has not cached. */
    public static WordCorpus read(DatasetRegistry registry, DatasetResolver resolver, List<String> ids) {
        WordTokenizer tokenizer = WordTokenizer.lowercase();
        List<String> names = ids.stream().map(String::strip).toList();
        List<List<String>> sentences = new ArrayList<>();
        for (String id : names) {
            TextCorpusDataset corpus = registry.textCorpus(id);
            List<String> text;
            try {
                text = corpus.read(resolver.resolve(corpus.spec(), null));
            } catch (IOException e) {
                throw new DlforgeException("cannot read dataset " + id + ": " + e.getMessage(), "run `dlforge data fetch " + id + "` again", e);
            }
            for (String s : text) {
                List<String> words = tokenizer.tokens(s).stream().filter(t -> t.codePoints().anyMatch(Character::isLetterOrDigit)).toList();
                if (!words.isEmpty()) {
                    sentences.add(words);
                }
            }
        }
        return new WordCorpus(names, sentences, sentences.stream().mapToLong(List::size).sum());
    }

    /** The corpora joined by {@code +}, e.g. {@code brown-text+moby-dick}: the default output folder's name. */
    public String name() {
        return String.join("+", ids);
    }
}
