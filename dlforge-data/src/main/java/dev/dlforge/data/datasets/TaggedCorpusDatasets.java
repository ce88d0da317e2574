package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetProvider;
import java.util.List;

/** Annotated corpora: Brown (tagged, as text, by genre, news against the rest) and CoNLL-2003 named entities. */
public final class TaggedCorpusDatasets implements DatasetProvider {
    @Override
    public int position() {
        return 300;
    }

    @Override
    public List<Dataset<?>> datasets() {
        return List.of(new BrownCorpus(), new BrownText(), BrownGenres.genres(), BrownGenres.newsVsRest(), new Conll2003());
    }
}
