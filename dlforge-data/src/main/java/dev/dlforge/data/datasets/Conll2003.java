package dev.dlforge.data.datasets;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.text.ConllReader;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.data.text.TaggedSentence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CoNLL-2003 English named entities (Reuters news; PER, ORG, LOC, MISC). Its licence forbids
 * redistribution, so no source can fetch it: the user passes a folder with {@code --data} holding
 * {@code eng.train}, {@code eng.testa}, {@code eng.testb} (the original names) or {@code train.txt},
 * {@code valid.txt}, {@code test.txt} (the common re-release).
 */
public final class Conll2003 implements Dataset<Conll2003.Splits> {
    public static final String ID = "conll2003";
    private static final List<List<String>> LAYOUTS = List.of(
            List.of("eng.train", "eng.testa", "eng.testb"), List.of("train.txt", "valid.txt", "test.txt"));

    /** The three splits, with entity tags in IOB2, and what the reader skipped. */
    public record Splits(List<TaggedSentence> train, List<TaggedSentence> validation, List<TaggedSentence> test,
            TextRepairs warnings) {}

    @Override
    public DatasetSpec spec() {
        // No files are required up front: read() accepts either layout and says what is missing.
        return new DatasetSpec(ID, "CoNLL-2003 named entities (English)",
                "Reuters news with PER/ORG/LOC/MISC entities; supply eng.train/eng.testa/eng.testb or train.txt/valid.txt/test.txt with --data",
                "Reuters Corpus licence: not redistributable", "https://www.clips.uantwerpen.be/conll2003/ner/", List.of(), List.of());
    }

    /** The hint every "not here" error gives. */
    public static String hint() {
        return "CoNLL-2003 cannot be downloaded by dlforge (its licence forbids redistribution): obtain the files, put "
                + "eng.train, eng.testa, eng.testb (or train.txt, valid.txt, test.txt) in a folder and pass --data FOLDER";
    }

    @Override
    public Splits read(Path dir) throws IOException {
        for (List<String> names : LAYOUTS) {
            if (names.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n)))) {
                TextRepairs warnings = new TextRepairs();
                return new Splits(read(dir.resolve(names.get(0)), warnings), read(dir.resolve(names.get(1)), warnings),
                        read(dir.resolve(names.get(2)), warnings), warnings);
            }
        }
        throw new DlforgeException("folder " + dir + " holds no CoNLL-2003 files", hint());
    }

    private static List<TaggedSentence> read(Path file, TextRepairs warnings) throws IOException {
        List<TaggedSentence> sentences = ConllReader.read(file, ConllReader.Column.NER, warnings);
        if (sentences.isEmpty()) {
            throw new DlforgeException(file + " holds no sentences", "check that it is a CoNLL-2003 file (word POS chunk NER per line)");
        }
        return sentences;
    }
}
