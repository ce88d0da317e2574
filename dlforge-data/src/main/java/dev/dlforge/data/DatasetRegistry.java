package dev.dlforge.data;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.datasets.ImageClassificationDataset;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextCorpusDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Every dataset dlforge knows, by id, in the order they were given; an id given twice is refused. */
public final class DatasetRegistry {
    private static final String SERVICES = "META-INF/services/" + DatasetProvider.class.getName();
    private final Map<String, Dataset<?>> datasets = new LinkedHashMap<>();

    public DatasetRegistry(List<Dataset<?>> all) {
        for (Dataset<?> d : all) {
            Dataset<?> before = datasets.putIfAbsent(d.spec().id(), d);
            if (before != null) {
                throw duplicate(d.spec().id(), before.getClass().getName(), d.getClass().getName());
            }
        }
    }

    /** The datasets of every {@link DatasetProvider} on dlforge's class path (dlforge's own and any a module adds). */
    public static DatasetRegistry builtIn() {
        return fromProviders(DatasetRegistry.class.getClassLoader());
    }

    /** The datasets of every {@link DatasetProvider} that {@code loader} finds, families in the order {@link DatasetProvider} states. */
    public static DatasetRegistry fromProviders(ClassLoader loader) {
        List<DatasetProvider> providers = new ArrayList<>();
        ServiceLoader.load(DatasetProvider.class, loader).forEach(providers::add);
        if (providers.isEmpty()) {
            throw new DlforgeException("no dataset provider on the class path (no " + SERVICES + ")",
                    "run dlforge with dlforge-data's jar as built, services files included");
        }
        providers.sort(Comparator.comparingInt(DatasetProvider::position).thenComparing(p -> p.getClass().getName()));
        Map<String, String> definedBy = new LinkedHashMap<>();
        List<Dataset<?>> all = new ArrayList<>();
        for (DatasetProvider provider : providers) {
            for (Dataset<?> d : provider.datasets()) {
                String before = definedBy.putIfAbsent(d.spec().id(), provider.getClass().getName());
                if (before != null) {
                    throw duplicate(d.spec().id(), before, provider.getClass().getName());
                }
                all.add(d);
            }
        }
        return new DatasetRegistry(all);
    }

    private static DlforgeException duplicate(String id, String first, String second) {
        String by = first.equals(second) ? "twice by " + first : "by both " + first + " and " + second;
        return new DlforgeException("dataset id '" + id + "' is defined " + by,
                "give one of them another id, or drop the duplicate from its module's " + SERVICES);
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
