package dev.dlforge.data.image;

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

    /** At most {@code n} examples of each split, every class in proportion, for quick runs. */
    public ImageClassData limit(int n, long seed) {
        return new ImageClassData(datasetId, classes, train.sample(n, classes.size(), seed), test.sample(n, classes.size(), seed), splitNote);
    }
}
