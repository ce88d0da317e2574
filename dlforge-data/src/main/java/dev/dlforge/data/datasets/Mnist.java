package dev.dlforge.data.datasets;

import static dev.dlforge.data.datasets.IdxDatasets.TEST_IMAGES;
import static dev.dlforge.data.datasets.IdxDatasets.TEST_LABELS;
import static dev.dlforge.data.datasets.IdxDatasets.TRAIN_IMAGES;
import static dev.dlforge.data.datasets.IdxDatasets.TRAIN_LABELS;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.source.UrlSource;
import dev.dlforge.data.source.UrlSource.Download;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * LeCun, Cortes and Burges' MNIST: 70,000 28x28 handwritten digits. No Debian or npm package carries
 * it, so it comes from its canonical mirrors (or {@code --data}); offline, use {@code opencv-digits}.
 */
public final class Mnist implements ImageClassificationDataset {
    public static final String ID = "mnist";
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    // SHA-256 as published in TensorFlow Datasets' url_checksums/mnist.txt.
    private static final String[][] FILES = {
        {TRAIN_IMAGES, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"},
        {TRAIN_LABELS, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"},
        {TEST_IMAGES, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"},
        {TEST_LABELS, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"},
    };

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "MNIST",
                "70,000 28x28 handwritten digits (60,000 train, 10,000 test); online only",
                "CC BY-SA 3.0", "http://yann.lecun.com/exdb/mnist/", IdxDatasets.FILES,
                List.of(mirror("Google's CVDF mirror", "https://storage.googleapis.com/cvdf-datasets/mnist/"),
                        mirror("PyTorch's mirror", "https://ossci-datasets.s3.amazonaws.com/mnist/"),
                        mirror("Yann LeCun's site", "http://yann.lecun.com/exdb/mnist/")));
    }

    private static UrlSource mirror(String label, String base) {
        List<Download> downloads = new java.util.ArrayList<>();
        for (String[] f : FILES) {
            downloads.add(new Download(base + f[0], f[0], f[1]));
        }
        return new UrlSource(label, downloads);
    }

    @Override
    public ImageClassData read(Path dir) throws IOException {
        return IdxDatasets.read(dir, ID, CLASSES);
    }
}
