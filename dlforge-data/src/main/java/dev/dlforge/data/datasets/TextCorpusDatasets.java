package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetProvider;
import dev.dlforge.data.text.SpamAssassin;
import java.util.List;

/** Mail and running text: SpamAssassin, Moby-Dick, fortune cookies and nlp-corpus sentences. */
public final class TextCorpusDatasets implements DatasetProvider {
    @Override
    public int position() {
        return 200;
    }

    @Override
    public List<Dataset<?>> datasets() {
        return List.of(new SpamAssassin(), new MobyDick(), new Fortunes(), new NlpCorpus());
    }
}
