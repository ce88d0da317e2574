package dev.dlforge.data;

import java.util.List;

/**
 * A family of datasets that registers itself with {@link DatasetRegistry#builtIn()}, so that a
 * module or a project adds datasets without an edit to the registry.
 *
 * <p>Contract: a public class with a public no-argument constructor, named on a line of
 * {@code META-INF/services/dev.dlforge.data.DatasetProvider} in its jar (found with
 * {@link java.util.ServiceLoader}). The registry lists families by ascending {@link #position()}
 * (ties by class name), each family's datasets in the order {@link #datasets()} returns them;
 * a dataset id given twice, within a family or across two, is refused with both named. dlforge's
 * own families: images 100, text corpora 200, tagged corpora 300, sentiment 400, WordNet 500.
 */
public interface DatasetProvider {
    /** Where the family lists in {@code dlforge data list}: lower first. */
    int position();

    /** The family's datasets, each with a distinct {@link DatasetSpec#id()}. */
    List<Dataset<?>> datasets();
}
