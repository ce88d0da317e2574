package dev.dlforge.projects.vision;

import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.data.image.Splits;
import dev.dlforge.projects.ExampleLimit;

/**
 * {@code --limit N} for image classifiers: N training images. The recipe holds out
 * {@code validationFraction} of the training split for validation, so N / (1 - fraction) images of
 * the training split are drawn (every class in proportion) and about N remain to train on after the
 * hold-out; the test split shrinks to {@link ExampleLimit#heldOut} of N. The suggested minimum gives
 * every class one validation and one test image on average.
 */
final class ImageLimit {
    private ImageLimit() {}

    static ImageClassData apply(ImageClassData data, ImageClassifierRecipe recipe) {
        int limit = recipe.limit();
        int classes = data.classes().size();
        double heldOutShare = recipe.train().validationFraction();
        long fullTraining = Math.round(data.train().size() * (1 - heldOutShare));
        LabeledImages pool = data.train().sample((int) Math.ceil(limit / (1 - heldOutShare)), classes, recipe.train().seed());
        LabeledImages test = data.test().sample(ExampleLimit.heldOut(limit, fullTraining, data.test().size()), classes, recipe.train().seed());
        if (heldOutShare > 0) {
            // The same split the training loop makes of the pool (same labels, fraction and seed).
            int validation = Splits.stratified(pool.labels(), classes, heldOutShare, recipe.train().seed()).heldOut().length;
            ExampleLimit.requireNonEmpty(limit, validation, "validation images",
                    (int) Math.ceil(classes * (1 - heldOutShare) / heldOutShare));
        }
        ExampleLimit.requireNonEmpty(limit, test.size(), "test images", ExampleLimit.minimumFor(classes, fullTraining, data.test().size()));
        return new ImageClassData(data.datasetId(), data.classes(), pool, test, data.splitNote());
    }
}
