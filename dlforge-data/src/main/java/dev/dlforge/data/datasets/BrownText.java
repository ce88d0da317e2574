package dev.dlforge.data.datasets;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.TextCorpusDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Brown corpus as running text: its 57,340 sentences in document order, words joined by spaces
 * and tags dropped (for word2vec, tokenizer training, language models). Same files as {@link BrownCorpus}.
 */
public final class BrownText implements TextCorpusDataset {
    public static final String ID = "brown-text";

    @Override
    public DatasetSpec spec() {
        return BrownCorpus.spec(ID, "Brown corpus (text)", "the Brown corpus's 57,340 sentences (1.16M words) as untagged text");
    }

    @Override
    public List<String> read(Path dir) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (BrownDocument d : new BrownCorpus().read(dir)) {
            sentences.addAll(d.text());
        }
        return sentences;
    }
}
