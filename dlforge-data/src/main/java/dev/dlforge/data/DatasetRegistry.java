package dev.dlforge.data;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.datasets.Afinn165;
import dev.dlforge.data.datasets.BrownCorpus;
import dev.dlforge.data.datasets.BrownGenres;
import dev.dlforge.data.datasets.BrownText;
import dev.dlforge.data.datasets.Cifar10;
import dev.dlforge.data.datasets.Conll2003;
import dev.dlforge.data.datasets.FashionMnist;
import dev.dlforge.data.datasets.FontDigits;
import dev.dlforge.data.datasets.Fortunes;
import dev.dlforge.data.datasets.ImageClassificationDataset;
import dev.dlforge.data.datasets.ImdbDataset;
import dev.dlforge.data.text.SpamAssassin;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.data.datasets.Mnist;
import dev.dlforge.data.datasets.MobyDick;
import dev.dlforge.data.datasets.NlpCorpus;
import dev.dlforge.data.datasets.OpencvDigits;
import dev.dlforge.data.datasets.SstDataset;
import dev.dlforge.data.datasets.VaderLexiconDataset;
import dev.dlforge.data.datasets.WordNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every dataset dlforge knows, by id. */
public final class DatasetRegistry {
    private final Map<String, Dataset<?>> datasets = new LinkedHashMap<>();

    public DatasetRegistry(List<Dataset<?>> all) {
        for (Dataset<?> d : all) {
            datasets.put(d.spec().id(), d);
        }
    }

    public static DatasetRegistry builtIn() {
        return new DatasetRegistry(List.of(new OpencvDigits(), new FontDigits(), new Mnist(), new FashionMnist(), new Cifar10(),
                new SpamAssassin(), new MobyDick(), new Fortunes(), new NlpCorpus(), new BrownCorpus(), new BrownText(), BrownGenres.genres(),
                BrownGenres.newsVsRest(), new Conll2003(), new VaderLexiconDataset(), new Afinn165(), new ImdbDataset(), new SstDataset(),
                new WordNet()));
    }

    public List<Dataset<?>> all() {
        return List.copyOf(datasets.values());
    }

    public Dataset<?> get(String id) {
        Dataset<?> d = datasets.get(id);
        if (d == null) {
            throw new DlforgeException("unknown dataset '" + id + "'", "valid ids: " + String.join(", ", datasets.keySet()));
        }
        return d;
    }

    /** The dataset {@code id}, which must hold labelled images. */
    public ImageClassificationDataset imageClassification(String id) {
        if (get(id) instanceof ImageClassificationDataset d) {
            return d;
        }
        throw new DlforgeException("dataset '" + id + "' does not hold labelled images",
                "image datasets: " + String.join(", ", datasets.values().stream()
                        .filter(d -> d instanceof ImageClassificationDataset).map(d -> d.spec().id()).toList()));
    }

    /** The dataset {@code id}, which must hold labelled texts. */
    public TextClassificationDataset textClassification(String id) {
        if (get(id) instanceof TextClassificationDataset d) {
            return d;
        }
        throw new DlforgeException("dataset '" + id + "' does not hold labelled texts",
                "text classification datasets: " + String.join(", ", datasets.values().stream()
                        .filter(d -> d instanceof TextClassificationDataset).map(d -> d.spec().id()).toList()));
    }

    /** The dataset {@code id}, which must hold running text. */
    public TextCorpusDataset textCorpus(String id) {
        if (get(id) instanceof TextCorpusDataset d) {
            return d;
        }
        throw new DlforgeException("dataset '" + id + "' is not a text corpus",
                "text corpora: " + String.join(", ", datasets.values().stream()
                        .filter(d -> d instanceof TextCorpusDataset).map(d -> d.spec().id()).toList()));
    }
}
