package dev.dlforge.data.datasets;

import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetProvider;
import java.util.List;

/** WordNet's synsets: the definitions the rag evaluation retrieves. */
public final class WordNetDatasets implements DatasetProvider {
    @Override
    public int position() {
        return 500;
    }

    @Override
    public List<Dataset<?>> datasets() {
        return List.of(new WordNet());
    }
}
