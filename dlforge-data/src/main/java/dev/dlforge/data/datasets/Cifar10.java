package dev.dlforge.data.datasets;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.read.CifarBinaryReader;
import dev.dlforge.data.source.UrlSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Krizhevsky's CIFAR-10: 60,000 32x32 colour images in 10 classes. Online only. */
public final class Cifar10 implements ImageClassificationDataset {
    public static final String ID = "cifar-10";
    static final String FILE = "cifar-10-binary.tar.gz";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "CIFAR-10", "60,000 32x32 colour images in 10 classes (50,000 train, 10,000 test); online only",
                "no licence stated; cite Krizhevsky (2009)", "https://www.cs.toronto.edu/~kriz/cifar.html", List.of(FILE),
                List.of(new UrlSource("the University of Toronto", List.of(new UrlSource.Download(
                        "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", FILE,
                        // SHA-256 as published in TensorFlow Datasets' url_checksums/cifar10.txt.
                        "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd")))));
    }

    @Override
    public ImageClassData read(Path dir) throws IOException {
        return CifarBinaryReader.read(dir.resolve(FILE), ID);
    }
}
