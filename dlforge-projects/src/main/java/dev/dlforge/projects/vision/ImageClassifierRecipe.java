package dev.dlforge.projects.vision;

import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.data.image.Augmentation;
import dev.dlforge.projects.TrainOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * How an image classifier is trained. Each project's defaults reproduce its documented result.
 *
 * @param dataset dataset id
 * @param model variant, e.g. {@code mlp} or {@code cnn}
 * @param epochs passes over the training split
 * @param batchSize examples per step
 * @param learningRate Adam's base rate
 * @param schedule {@code constant}, {@code cosine} or {@code step}
 * @param weightDecay decoupled (AdamW) weight decay; 0 for plain Adam
 * @param dropout dropout rate of the network's dense layers
 * @param shiftPixels random translation of training images by up to this many pixels; 0 for none
 * @param flip random left-right mirroring of training images
 * @param validationFraction share of the training split held out (stratified) to pick the best epoch
 * @param patience stop after this many epochs without a better validation accuracy; 0 never stops
 * @param seed seeds the split, initialisation, shuffling, augmentation and dropout
 * @param limit use at most this many examples of each split; 0 uses all
 */
public record ImageClassifierRecipe(String dataset, String model, int epochs, int batchSize, double learningRate,
        String schedule, double weightDecay, float dropout, int shiftPixels, boolean flip, double validationFraction,
        int patience, long seed, int limit) {

    /** This recipe with the command line's overrides applied. */
    public ImageClassifierRecipe with(TrainOptions o) {
        return new ImageClassifierRecipe(
                o.dataset() != null ? o.dataset() : dataset,
                o.model() != null ? o.model() : model,
                o.epochs() != null ? o.epochs() : epochs,
                o.batchSize() != null ? o.batchSize() : batchSize,
                o.learningRate() != null ? o.learningRate() : learningRate,
                schedule, weightDecay, dropout, shiftPixels, flip, validationFraction, patience,
                o.seed() != null ? o.seed() : seed,
                o.limit() != null ? o.limit() : limit);
    }

    public ImageClassifierRecipe withEpochs(int newEpochs) {
        return new ImageClassifierRecipe(dataset, model, newEpochs, batchSize, learningRate, schedule, weightDecay, dropout,
                shiftPixels, flip, validationFraction, patience, seed, limit);
    }

    public TrainerConfig trainerConfig() {
        return new TrainerConfig(epochs, learningRate, schedule, seed, 0, 0, new EarlyStopping("val_accuracy", true, patience));
    }

    public List<Augmentation> augmentations() {
        List<Augmentation> a = new ArrayList<>();
        if (shiftPixels > 0) {
            a.add(new Augmentation.RandomShift(shiftPixels));
        }
        if (flip) {
            a.add(new Augmentation.HorizontalFlip(0.5));
        }
        return a;
    }
}
