package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.DatasetRegistryTest;
import org.junit.jupiter.api.Test;

/** {@code dlforge data list} shows the registered datasets in the order they had when the registry listed them by hand. */
class DataListTest {

    @Test
    void listsEveryDatasetOnceInTheDocumentedOrder() {
        Cli cli = Cli.run("data", "list");
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        var ids = cli.out().lines().filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("Cache:")).map(l -> l.split(" +")[0]).toList();
        assertThat(ids).containsExactlyElementsOf(DatasetRegistryTest.BUILT_IN);
    }
}
