package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetProvider;
import java.util.List;

/** Sentiment: the VADER and AFINN-165 lexicons, IMDB and SST reviews. */
public final class SentimentDatasets implements DatasetProvider {
    @Override
    public int position() {
        return 400;
    }

    @Override
    public List<Dataset<?>> datasets() {
        return List.of(new VaderLexiconDataset(), new Afinn165(), new ImdbDataset(), new SstDataset());
    }
}
