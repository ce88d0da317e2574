package dev.dlforge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.datasets.Mnist;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets come from {@link DatasetProvider}s named in services files, in a stable order, each id once. */
public class DatasetRegistryTest {
    /** The order of {@code dlforge data list} before datasets registered themselves. */
    public static final List<String> BUILT_IN = List.of("opencv-digits", "digits-fonts", "mnist", "fashion-mnist", "cifar-10", "spam-assassin",
            "moby-dick", "fortunes", "nlp-corpus", "brown", "brown-text", "brown-genres", "brown-news", "conll2003", "vader-lexicon",
            "afinn-165", "imdb", "sst", "wordnet");

    @TempDir
    Path tmp;

    @Test
    void builtInHoldsDlforgesDatasetsInTheirDocumentedOrder() {
        assertThat(ids(DatasetRegistry.builtIn())).containsExactlyElementsOf(BUILT_IN);
    }

    @Test
    void aServicesFileAloneAddsAFamilyAfterTheBuiltInOnes() throws Exception {
        try (URLClassLoader loader = withServicesFile(ToyDatasets.class)) {
            DatasetRegistry registry = DatasetRegistry.fromProviders(loader);
            assertThat(ids(registry)).startsWith(BUILT_IN.toArray(String[]::new)).endsWith("toy-corpus").hasSize(BUILT_IN.size() + 1);
            assertThat(registry.textCorpus("toy-corpus").read(tmp)).containsExactly("a toy sentence");
        }
    }

    @Test
    void anIdGivenTwiceIsRefusedWithBothProvidersNamed() throws Exception {
        try (URLClassLoader loader = withServicesFile(SecondMnist.class)) {
            assertThatThrownBy(() -> DatasetRegistry.fromProviders(loader)).isInstanceOf(DlforgeException.class)
                    .hasMessage("dataset id 'mnist' is defined by both dev.dlforge.data.datasets.ImageDatasets and " + SecondMnist.class.getName())
                    .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("META-INF/services/dev.dlforge.data.DatasetProvider"));
        }
        assertThatThrownBy(() -> new DatasetRegistry(List.of(new Mnist(), new Mnist())))
                .hasMessage("dataset id 'mnist' is defined twice by " + Mnist.class.getName());
    }

    @Test
    void noProviderAtAllIsAClearError() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> DatasetRegistry.fromProviders(empty)).isInstanceOf(DlforgeException.class)
                    .hasMessageStartingWith("no dataset provider on the class path");
        }
    }

    /** A class loader that sees this module's classes plus a services file naming {@code provider}. */
    private URLClassLoader withServicesFile(Class<? extends DatasetProvider> provider) throws Exception {
        Path services = tmp.resolve("META-INF/services/" + DatasetProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, provider.getName() + "\n");
        return new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader());
    }

    private static List<String> ids(DatasetRegistry registry) {
        return registry.all().stream().map(d -> d.spec().id()).toList();
    }

    /** A later project's family: one corpus, listed after dlforge's own. */
    public static final class ToyDatasets implements DatasetProvider {
        @Override
        public int position() {
            return 900;
        }

        @Override
        public List<Dataset<?>> datasets() {
            return List.of(new dev.dlforge.data.text.TextCorpusDataset() {
                @Override
                public DatasetSpec spec() {
                    return new DatasetSpec("toy-corpus", "toy", "one sentence", "CC0", "https://example.org", List.of(), List.of());
                }

                @Override
                public List<String> read(Path dir) {
                    return List.of("a toy sentence");
                }
            });
        }
    }

    /** A family that takes an id dlforge already uses. */
    public static final class SecondMnist implements DatasetProvider {
        @Override
        public int position() {
            return 950;
        }

        @Override
        public List<Dataset<?>> datasets() {
            return List.of(new Mnist());
        }
    }
}
