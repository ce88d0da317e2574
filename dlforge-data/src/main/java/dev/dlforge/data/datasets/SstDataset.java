package dev.dlforge.data.datasets;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.text.LabeledTextSplits;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.SstReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Stanford Sentiment Treebank, from files the user supplies with {@code --data}: either GLUE's
 * SST-2 folder ({@code train.tsv}, {@code dev.tsv}; its {@code test.tsv} has no labels and is not
 * read) or the original trees ({@code train.txt}, {@code dev.txt}, {@code test.txt}, also under
 * {@code trees/}). Both are zip archives online, which dlforge does not unpack: download and unzip.
 */
public final class SstDataset implements Dataset<LabeledTextSplits> {
    public static final String ID = "sst";
    static final String HINT = "download https://dl.fbaipublicfiles.com/glue/data/SST-2.zip (SST-2) or "
            + "https://nlp.stanford.edu/sentiment/trainDevTestTrees_PTB.zip (trees), unzip, and pass --data FOLDER";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "Stanford Sentiment Treebank (SST-2 or trees)",
                "movie-review sentences: SST-2 (67k train, 872 dev, binary) or the 11,855 parsed sentences labelled 0-4",
                "research use (Socher et al. 2013)", "https://nlp.stanford.edu/sentiment/", List.of(), List.of());
    }

    /** The binary task: SST-2 as is, or the trees binarised (neutral sentences left out). */
    @Override
    public LabeledTextSplits read(Path dir) throws IOException {
        return read(dir, false);
    }

    /** With {@code fineGrained}, the trees' five classes (SST-2 files have only two: an error). */
    public LabeledTextSplits read(Path dir, boolean fineGrained) throws IOException {
        Map<String, LabeledTexts> splits = new LinkedHashMap<>();
        if (Files.isRegularFile(dir.resolve("train.tsv"))) {
            if (fineGrained) {
                throw new DlforgeException("the SST-2 files in " + dir + " have only two classes", "for five classes pass the PTB trees folder");
            }
            for (String split : List.of("train", "dev")) {
                if (Files.isRegularFile(dir.resolve(split + ".tsv"))) {
                    splits.put(split, SstReader.glueTsv(dir.resolve(split + ".tsv")));
                }
            }
            return new LabeledTextSplits(ID, splits, "GLUE SST-2: train and dev (GLUE's test labels are not public)");
        }
        Path trees = Files.isRegularFile(dir.resolve("trees/train.txt")) ? dir.resolve("trees") : dir;
        if (!Files.isRegularFile(trees.resolve("train.txt"))) {
            throw new DlforgeException(dir + " holds neither SST-2 (train.tsv) nor SST trees (train.txt)", HINT);
        }
        for (String split : List.of("train", "dev", "test")) {
            if (Files.isRegularFile(trees.resolve(split + ".txt"))) {
                splits.put(split, SstReader.ptbTrees(trees.resolve(split + ".txt"), fineGrained));
            }
        }
        return new LabeledTextSplits(ID, splits, fineGrained ? "SST trees, root labels 0-4"
                : "SST trees binarised: 0-1 negative, 3-4 positive, neutral sentences left out");
    }
}
