package dev.dlforge.data.datasets;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.UrlArchiveSource;
import dev.dlforge.data.source.UrlSource;
import dev.dlforge.data.text.ImdbReader;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Large Movie Review Dataset (Maas et al. 2011): 25,000 training and 25,000 test reviews from
 * IMDB, half positive (rating 7-10) and half negative (1-4). Not on any registry reachable offline:
 * pass the unpacked {@code aclImdb} folder with {@code --data}, or let dlforge download the
 * canonical archive (84 MB) when online. Read as one list in groups {@code imdb-train} and
 * {@code imdb-test}: the published split, which a project keeps by holding out the test group.
 */
public final class ImdbDataset implements TextClassificationDataset {
    public static final String ID = "imdb";
    public static final String TEST_GROUP = "imdb-test";
    /** Reviews longer than this many characters are truncated (the longest real ones are ~14k). */
    public static final int MAX_CHARS = 20_000;

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "IMDB movie reviews (aclImdb v1)",
                "50,000 movie reviews labelled positive (7-10 stars) or negative (1-4), 25k train + 25k test",
                "research use (Maas et al. 2011, ACL)", "https://ai.stanford.edu/~amaas/data/sentiment/", List.of(),
                List.of(new UrlArchiveSource("Stanford AI Lab", new UrlSource.Download(
                        "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz", "aclImdb_v1.tar.gz",
                        "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe"),
                        Map.of("aclImdb/train/pos/", "train/pos", "aclImdb/train/neg/", "train/neg",
                                "aclImdb/test/pos/", "test/pos", "aclImdb/test/neg/", "test/neg"))));
    }

    /** {@code train} then {@code test} from the aclImdb folder (or a folder holding it); {@code limit} samples both in proportion. */
    @Override
    public LabeledTexts read(Path dir, int limit, long seed, TextRepairs repairs) throws IOException {
        Path root = ImdbReader.root(dir);
        LabeledTexts all = LabeledTexts.concat(List.of(ImdbReader.read(root, "train", MAX_CHARS, repairs),
                ImdbReader.read(root, "test", MAX_CHARS, repairs)));
        return limit > 0 ? all.sample(limit, seed) : all;
    }
}
