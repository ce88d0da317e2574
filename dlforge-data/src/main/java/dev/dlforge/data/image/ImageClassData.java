package dev.dlforge.data.image;

import dev.dlforge.core.DlforgeException;
import java.util.List;

/**
 * A labelled image dataset split for training and testing.
 *
 * @param datasetId where it came from
 * @param classes class names; a label is an index into this list
 * @param train examples to learn from (a validation split is taken from these)
 * @param test held-out examples for the final, reported figure
 * @param splitNote how train and test were separated, for reports
 */
public record ImageClassData(String datasetId, List<String> classes, LabeledImages train, LabeledImages test, String splitNote) {

    /**
     * Train and test images must have one shape: the network is built for the training images, so
     * test images of another size would otherwise fail deep inside the first evaluation, after an
     * epoch of training, as an engine error.
     */
    public ImageClassData {
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new DlforgeException("dataset " + datasetId + ": training images are " + shape(train) + " but test images are "
                    + shape(test) + " (channels x height x width): the files do not belong together",
                    "fetch the dataset again (`dlforge data fetch " + datasetId + " --force`), or check the files given with --data");
        }
    }

    private static String shape(LabeledImages images) {
        return images.channels() + "x" + images.height() + "x" + images.width();
    }

    /** At most {@code n} examples of each split, every class in proportion, for quick runs. */
    public ImageClassData limit(int n, long seed) {
        return new ImageClassData(datasetId, classes, train.sample(n, classes.size(), seed), test.sample(n, classes.size(), seed), splitNote);
    }
}
