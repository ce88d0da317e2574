package dev.dlforge.projects.digits;

import ai.djl.nn.Block;
import dev.dlforge.core.image.ImageInput;
import dev.dlforge.data.datasets.Mnist;
import dev.dlforge.data.datasets.OpencvDigits;
import dev.dlforge.models.vision.Mlp;
import dev.dlforge.models.vision.VggStyleCnn;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.vision.ImageClassifierProject;
import dev.dlforge.projects.vision.ImageClassifierRecipe;
import dev.dlforge.projects.vision.ImageClassifierReport;
import dev.dlforge.projects.vision.LearnedFilters;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Handwritten digits, the first project: an MLP (784-256-128-10) and then a small CNN, on 5,000 real
 * digits from OpenCV's samples (MNIST when the user has it). See docs/projects/digits.md.
 */
public final class DigitsProject extends ImageClassifierProject {
    public static final String ID = "digits";
    /** Writers slant, size and place digits differently; mirrored digits are not digits. */
    static final ImageClassifierRecipe.Augment HANDWRITING = new ImageClassifierRecipe.Augment(2, 12, 0.1, false);

    @Override
    public ProjectInfo info() {
        return new ProjectInfo(ID, "B", "Vision", "handwritten digit classifier (MLP, then CNN)",
                "feed-forward nets, ReLU, softmax, overfitting",
                "opencv-doc digits.png (5,000 real 20x20 digits); MNIST IDX loader",
                ">= 98.5% (CNN) and >= 97% (MLP) on the held-out split");
    }

    @Override
    public List<String> models() {
        return List.of("cnn", "mlp");
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(new BenchmarkTarget("cnn", "test_accuracy", 0.985, 0), new BenchmarkTarget("mlp", "test_accuracy", 0.97, 0));
    }

    @Override
    public List<String> datasets() {
        return List.of(OpencvDigits.ID, Mnist.ID);
    }

    /** Defaults reproduce docs/projects/digits.md: CNN >= 98.5%, MLP >= 97% on opencv-digits' test split. */
    @Override
    protected ImageClassifierRecipe defaults(String model) {
        return switch (model) {
            case "mlp" -> new ImageClassifierRecipe(OpencvDigits.ID, "mlp", 100, 64, 1e-3, "cosine", 0, 0.2f, HANDWRITING, 0.1, 0, 42, 0);
            default -> new ImageClassifierRecipe(OpencvDigits.ID, "cnn", 40, 64, 1e-3, "cosine", 0, 0.3f, HANDWRITING, 0.1, 0, 42, 0);
        };
    }

    @Override
    protected Block buildModel(ImageClassifierRecipe recipe, int channels, int classes) {
        return switch (recipe.model()) {
            case "mlp" -> Mlp.build(channels, new int[] {256, 128}, recipe.dropout(), classes);
            default -> new VggStyleCnn(channels, new int[] {32, 64, 128}, 2, 0.1f, 128, recipe.dropout(), classes).build();
        };
    }

    /** Like MNIST: the digit fitted into a 20x20 box, centred by its centre of mass in 28x28. */
    @Override
    public Demo demo() {
        return new Demo("draw", "Draw a digit with the mouse; the model reads it as you draw.", Map.of("width", 280, "height", 280, "stroke", 18));
    }

    @Override
    protected ImageInput imageInput(int side) {
        return new ImageInput(side, 20);
    }

    @Override
    protected void extendReport(ImageClassifierReport report, Block block) throws IOException {
        if (LearnedFilters.save(block, 28, 28, 64, report.run().plots().resolve("filters.png"))) {
            report.addPlot("What the network learned", "filters.png",
                    "The first layer's weights as images: each tile is the pattern one unit (MLP) or filter (CNN) responds to.");
        }
    }
}
