package dev.dlforge.data.datasets;

import static dev.dlforge.data.datasets.IdxDatasets.TEST_IMAGES;
import static dev.dlforge.data.datasets.IdxDatasets.TEST_LABELS;
import static dev.dlforge.data.datasets.IdxDatasets.TRAIN_IMAGES;
import static dev.dlforge.data.datasets.IdxDatasets.TRAIN_LABELS;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.source.DebianPackageSource;
import dev.dlforge.data.source.UrlSource;
import dev.dlforge.data.source.UrlSource.Download;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Zalando's Fashion-MNIST: 70,000 28x28 grey images of clothing in 10 classes (Xiao et al., 2017). */
public final class FashionMnist implements ImageClassificationDataset {
    public static final String ID = "fashion-mnist";
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final String DEB_DIR = "usr/share/datasets/fashion-mnist/";
    private static final String URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "Fashion-MNIST",
                "70,000 28x28 grey-scale images of 10 kinds of clothing (60,000 train, 10,000 test)",
                "MIT", "https://github.com/zalandoresearch/fashion-mnist", IdxDatasets.FILES,
                List.of(
                        new DebianPackageSource("dataset-fashion-mnist", Map.of(
                                DEB_DIR + TRAIN_IMAGES, TRAIN_IMAGES, DEB_DIR + TRAIN_LABELS, TRAIN_LABELS,
                                DEB_DIR + TEST_IMAGES, TEST_IMAGES, DEB_DIR + TEST_LABELS, TEST_LABELS)),
                        // SHA-256 as published in TensorFlow Datasets' url_checksums/fashion_mnist.txt.
                        new UrlSource("Zalando's S3 bucket", List.of(
                                new Download(URL + TRAIN_IMAGES, TRAIN_IMAGES, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                                new Download(URL + TRAIN_LABELS, TRAIN_LABELS, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                                new Download(URL + TEST_IMAGES, TEST_IMAGES, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                                new Download(URL + TEST_LABELS, TEST_LABELS, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")))));
    }

    @Override
    public ImageClassData read(Path dir) throws IOException {
        return IdxDatasets.read(dir, ID, CLASSES);
    }
}
