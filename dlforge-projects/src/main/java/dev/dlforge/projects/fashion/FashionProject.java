package dev.dlforge.projects.fashion;

import ai.djl.nn.Block;
import dev.dlforge.core.image.ImageInput;
import dev.dlforge.core.image.PictureFraming;
import dev.dlforge.data.datasets.FashionMnist;
import dev.dlforge.models.vision.VggStyleCnn;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.vision.ImageClassifierProject;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.vision.ImageClassifierRecipe;
import dev.dlforge.projects.vision.ImageClassifierRecipe.Training;
import java.util.List;
import java.util.Map;

/**
 * Clothing images: a CNN with convolutions, pooling, batch norm, dropout and augmentation (shifts
 * and mirroring) on Fashion-MNIST. See docs/projects/fashion.md.
 */
public final class FashionProject extends ImageClassifierProject {
    public static final String ID = "fashion";

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return List.of("cnn");
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(new BenchmarkTarget("cnn", "test_accuracy", 0.935, 15 * 60));
    }

    @Override
    public List<String> datasets() {
        return List.of(FashionMnist.ID);
    }

    /** Defaults reproduce docs/projects/fashion.md: >= 0.935 test accuracy within 15 minutes on 2 cores. */
    @Override
    protected ImageClassifierRecipe defaults(String model) {
        Training train = Recipes.with(Training.defaults(), Map.of("epochs", 15, "batchSize", 128, "learningRate", 2e-3, "validationFraction", 1 / 12.0));
        return new ImageClassifierRecipe(FashionMnist.ID, "cnn", train, 0.25f, new ImageClassifierRecipe.Augment(2, 0, 0, true), 0);
    }

    @Override
    protected Block buildModel(ImageClassifierRecipe recipe, int channels, int classes) {
        return new VggStyleCnn(channels, new int[] {32, 64}, 2, 0.1f, 256, recipe.dropout(), classes).build();
    }

    /** The whole picture, scaled to fit 28x28, light object on a dark background. */
    @Override
    public Demo demo() {
        return new Demo("image", "Upload a photo of a garment, or pick a test picture.", Map.of());
    }

    @Override
    protected PictureFraming imageInput(int side) {
        return new ImageInput(side);
    }
}
