package dev.dlforge.data.datasets;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.data.image.Splits;
import dev.dlforge.data.read.DigitsSheetReader;
import dev.dlforge.data.source.DebianPackageSource;
import dev.dlforge.data.source.UrlSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * 5,000 real handwritten digits from OpenCV's sample data ({@code digits.png}, 500 per digit), in
 * the MNIST frame. The fixed split holds out {@value #TEST_PER_CLASS} of each digit's 500 for testing,
 * chosen by a shuffle seeded with {@value #SPLIT_SEED}: 4,000 train, 1,000 test.
 */
public final class OpencvDigits implements ImageClassificationDataset {
    public static final String ID = "opencv-digits";
    public static final int TEST_PER_CLASS = 100;
    public static final long SPLIT_SEED = 20_17L;
    static final String FILE = "digits.png";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "OpenCV handwritten digits",
                "5,000 real 20x20 handwritten digits, 500 per class, padded to 28x28 (4,000 train, 1,000 test)",
                "Apache-2.0 (OpenCV samples)", "https://github.com/opencv/opencv/tree/4.x/samples/data", List.of(FILE),
                List.of(new DebianPackageSource("opencv-doc", Map.of("usr/share/doc/opencv-doc/examples/data/digits.png", FILE)),
                        new UrlSource("OpenCV's GitHub repository", List.of(new UrlSource.Download(
                                "https://raw.githubusercontent.com/opencv/opencv/4.x/samples/data/digits.png", FILE,
                                // SHA-256 of the file in Debian's opencv-doc 4.6.0.
                                "60c917758ef97cc090f35cd8e293e4de691ef942847da0ff80dedab33d57c662")))));
    }

    @Override
    public ImageClassData read(Path dir) throws IOException {
        LabeledImages all = DigitsSheetReader.read(dir.resolve(FILE));
        var split = Splits.stratified(all.labels(), 10, TEST_PER_CLASS / 500.0, SPLIT_SEED);
        return new ImageClassData(ID, Mnist.CLASSES, all.select(split.kept()), all.select(split.heldOut()),
                "fixed split: per digit, " + TEST_PER_CLASS + " of 500 held out by a shuffle seeded with " + SPLIT_SEED);
    }
}
