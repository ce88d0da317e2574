package dev.dlforge.data.text;

import dev.dlforge.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Running text without labels, read as a list of sentences (or short paragraphs) in order: what
 * word2vec, tokenizer training and language models consume.
 */
public interface TextCorpusDataset extends Dataset<List<String>> {

    /**
     * The corpus as one text with its own line breaks, what a character- or byte-level language
     * model trains on. By default the {@link #read} units joined by newlines; corpora whose layout
     * matters (prose paragraphs, poems) return their cleaned text as it is laid out.
     */
    default String runningText(Path dir) throws IOException {
        return String.join("\n", read(dir));
    }
}
