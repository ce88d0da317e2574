package dev.dlforge.data.datasets;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.SstReader;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Stanford Sentiment Treebank, from files the user supplies with {@code --data}: either GLUE's
 * SST-2 folder ({@code train.tsv}, {@code dev.tsv}; its {@code test.tsv} has no labels and is not
 * read) or the original trees ({@code train.txt}, {@code dev.txt}, {@code test.txt}, also under
 * {@code trees/}). Both are zip archives online, which dlforge does not unpack: download and unzip.
 * Read as one list in groups {@code sst-train}, {@code sst-dev} and {@code sst-test}.
 */
public final class SstDataset implements TextClassificationDataset {
    public static final String ID = "sst";
    static final String HINT = "download https://dl.fbaipublicfiles.com/glue/data/SST-2.zip (SST-2) or "
            + "https://nlp.stanford.edu/sentiment/trainDevTestTrees_PTB.zip (trees), unzip, and pass --data FOLDER";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "Stanford Sentiment Treebank (SST-2 or trees)",
                "movie-review sentences: SST-2 (67k train, 872 dev, binary) or the 11,855 parsed sentences labelled 0-4",
                "research use (Socher et al. 2013)", "https://nlp.stanford.edu/sentiment/", List.of(), List.of());
    }

    /** The binary task: SST-2 as is, or the trees binarised (neutral sentences left out); {@code limit} samples every split in proportion. */
    @Override
    public LabeledTexts read(Path dir, int limit, long seed, TextRepairs repairs) throws IOException {
        LabeledTexts all = read(dir, false, repairs);
        return limit > 0 ? all.sample(limit, seed) : all;
    }

    /** With {@code fineGrained}, the trees' five classes (SST-2 files have only two: an error). */
    public LabeledTexts read(Path dir, boolean fineGrained, TextRepairs repairs) throws IOException {
        List<LabeledTexts> splits = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve("train.tsv"))) {
            if (fineGrained) {
                throw new DlforgeException("the SST-2 files in " + dir + " have only two classes", "for five classes pass the PTB trees folder");
            }
            for (String split : List.of("train", "dev")) {
                if (Files.isRegularFile(dir.resolve(split + ".tsv"))) {
                    splits.add(SstReader.glueTsv(dir.resolve(split + ".tsv"), "sst-" + split, repairs));
                }
            }
            return LabeledTexts.concat(splits); // GLUE's test labels are not public: train and dev only
        }
        Path trees = Files.isRegularFile(dir.resolve("trees/train.txt")) ? dir.resolve("trees") : dir;
        if (!Files.isRegularFile(trees.resolve("train.txt"))) {
            throw new DlforgeException(dir + " holds neither SST-2 (train.tsv) nor SST trees (train.txt)", HINT);
        }
        for (String split : List.of("train", "dev", "test")) {
            if (Files.isRegularFile(trees.resolve(split + ".txt"))) {
                splits.add(SstReader.ptbTrees(trees.resolve(split + ".txt"), fineGrained, "sst-" + split, repairs));
            }
        }
        return LabeledTexts.concat(splits);
    }
}
