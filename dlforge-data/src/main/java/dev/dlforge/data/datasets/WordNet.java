package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.DebianPackageSource;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.data.wordnet.WordNetReader;
import dev.dlforge.data.wordnet.WordNetSynset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Princeton WordNet 3.0 from Debian's {@code wordnet-base}: 117,659 synsets (82,115 noun, 13,767
 * verb, 18,156 adjective, 3,621 adverb), each with its lemmas, definition and usage examples. The
 * {@code rag} evaluation indexes the glosses and asks for terms ({@link dev.dlforge.data.wordnet.WordNetQuestions}).
 */
public final class WordNet implements Dataset<List<WordNetSynset>> {
    public static final String ID = "wordnet";
    static final String FOLDER = "usr/share/wordnet/";

    @Override
    public DatasetSpec spec() {
        Map<String, String> members = new LinkedHashMap<>();
        WordNetReader.FILES.forEach(f -> members.put(FOLDER + f, f));
        return new DatasetSpec(ID, "WordNet 3.0", "117,659 synsets: lemmas, definitions and usage examples of English nouns, verbs, adjectives, adverbs",
                "WordNet 3.0 licence (Princeton University; free use with the copyright notice)",
                "https://wordnet.princeton.edu/", WordNetReader.FILES, List.of(new DebianPackageSource("wordnet-base", members)));
    }

    /** Every synset; malformed lines are skipped and reported on stderr. */
    @Override
    public List<WordNetSynset> read(Path dir) throws IOException {
        TextRepairs repairs = new TextRepairs();
        List<WordNetSynset> synsets = WordNetReader.readAll(dir, repairs);
        repairs.printTo(System.err, ID);
        return synsets;
    }
}
