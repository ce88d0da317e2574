package dev.dlforge.data.datasets;

import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.read.IdxImageReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The four-file IDX layout shared by MNIST and Fashion-MNIST. */
final class IdxDatasets {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private IdxDatasets() {}

    static ImageClassData read(Path dir, String id, List<String> classes) throws IOException {
        return new ImageClassData(id, classes,
                IdxImageReader.read(dir, TRAIN_IMAGES, TRAIN_LABELS, classes.size()),
                IdxImageReader.read(dir, TEST_IMAGES, TEST_LABELS, classes.size()),
                "the canonical split: 60,000 training and 10,000 test images");
    }
}
