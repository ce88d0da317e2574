package dev.dlforge.projects.vision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.data.image.Augmentation;
import dev.dlforge.data.image.ElasticDistortion;
import dev.dlforge.data.image.StrokeWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * How an image classifier is trained. Each project's defaults reproduce its documented result.
 *
 * @param dataset dataset id
 * @param model variant, e.g. {@code mlp} or {@code cnn}
 * @param train the training loop
 * @param dropout dropout rate of the network's dense layers
 * @param augment random changes to training images
 * @param limit train on at most this many images (see {@link ImageLimit}); 0 uses all
 */
@RecipeSchema(2)
public record ImageClassifierRecipe(String dataset, String model, Training train, float dropout, Augment augment, int limit) {

    /**
     * The training loop: Adam (AdamW with weight decay) on a learning-rate schedule.
     *
     * @param epochs passes over the training split
     * @param batchSize examples per step
     * @param learningRate Adam's base rate
     * @param schedule {@code constant}, {@code cosine} or {@code step}
     * @param weightDecay decoupled (AdamW) weight decay; 0 for plain Adam
     * @param validationFraction share of the training split held out (stratified) for validation curves and, with patience, early stopping
     * @param patience stop after this many epochs without a better validation accuracy and keep the best
     *     epoch; 0 trains every epoch and keeps the last
     * @param seed seeds the split, initialisation, shuffling, augmentation and dropout
     */
    public record Training(int epochs, int batchSize, double learningRate, String schedule, double weightDecay,
            double validationFraction, int patience, long seed) {

        /** 10 epochs of batches of 64, Adam at 1e-3 annealed on a cosine, 10% held out, every epoch trained, seed 42. */
        public static Training defaults() {
            return new Training(10, 64, 1e-3, "cosine", 0, 0.1, 0, 42);
        }
    }

    /**
     * Label-preserving random changes to training images, applied in this order: stroke width,
     * elastic distortion, then one affine map (rotation, scale, slant, stretch, shift), then mirroring.
     *
     * @param shiftPixels translation by up to this many pixels each way
     * @param rotateDegrees rotation by up to this many degrees each way
     * @param scale zoom by a factor in [1 - scale, 1 + scale]
     * @param flip left-right mirroring half of the time (clothes, not digits)
     * @param slant shear {@code x += k y} with {@code |k| <= slant} (0.3 is about 17 degrees of italic)
     * @param stretch width scaled by a factor in [1 - stretch, 1 + stretch]
     * @param strokeGrow up to this many steps of dilation (bolder pens); see {@link StrokeWidth}
     * @param strokeThin up to this many steps of erosion (finer pens)
     * @param elasticAlpha elastic distortion's displacement scale in pixels; 0 for none; see {@link ElasticDistortion}
     * @param elasticSigma elastic distortion's smoothing in pixels
     */
    public record Augment(int shiftPixels, double rotateDegrees, double scale, boolean flip, double slant, double stretch,
            double strokeGrow, double strokeThin, double elasticAlpha, double elasticSigma) {

        /** Geometric changes only (shift, rotation, zoom, mirroring). */
        public Augment(int shiftPixels, double rotateDegrees, double scale, boolean flip) {
            this(shiftPixels, rotateDegrees, scale, flip, 0, 0, 0, 0, 0, 0);
        }

        List<Augmentation> augmentations() {
            List<Augmentation> a = new ArrayList<>();
            if (strokeGrow > 0 || strokeThin > 0) {
                a.add(new StrokeWidth(strokeGrow, strokeThin));
            }
            if (elasticAlpha > 0) {
                a.add(new ElasticDistortion(elasticAlpha, elasticSigma));
            }
            if (rotateDegrees > 0 || scale > 0 || slant > 0 || stretch > 0) {
                a.add(new Augmentation.RandomAffine(rotateDegrees, scale, shiftPixels, slant, stretch));
            } else if (shiftPixels > 0) {
                a.add(new Augmentation.RandomShift(shiftPixels));
            }
            if (flip) {
                a.add(new Augmentation.HorizontalFlip(0.5));
            }
            return a;
        }
    }

    /** Schema 1 (before the training loop was its own record) kept the loop's settings at the top level. */
    public static ObjectNode upgrade(ObjectNode fields, int fromSchema) {
        RecipeJson.nest(fields, "train", List.of("epochs", "batchSize", "learningRate", "schedule", "weightDecay", "validationFraction", "patience", "seed"));
        return fields;
    }

    /** Checks the values a user can set; a bad one is a clear error before anything runs. */
    public ImageClassifierRecipe validated() {
        require(train.epochs() >= 1, "--epochs must be at least 1, got " + train.epochs());
        require(train.batchSize() >= 1, "--batch-size must be at least 1, got " + train.batchSize());
        require(train.learningRate() > 0 && Double.isFinite(train.learningRate()), "--lr must be a positive number, got " + train.learningRate());
        require(limit >= 0, "--limit must not be negative, got " + limit);
        require(limit == 0 || limit >= 2, "--limit must leave at least 2 examples, got " + limit);
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help`");
        }
    }

    /**
     * With early stopping ({@code patience > 0}) the model kept is the epoch with the best validation
     * accuracy; otherwise it is the final epoch, where the cosine schedule has annealed the weights.
     * Picking a "best" epoch on a small validation set mostly picks noise.
     */
    public TrainerConfig trainerConfig() {
        String monitor = train.patience() > 0 ? "val_accuracy" : "none";
        return new TrainerConfig(train.epochs(), train.learningRate(), train.schedule(), train.seed(), 0,
                new EarlyStopping(monitor, true, train.patience()));
    }

    public List<Augmentation> augmentations() {
        return augment.augmentations();
    }
}
