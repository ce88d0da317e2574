package dev.dlforge.projects.digits;

import ai.djl.nn.Block;
import dev.dlforge.core.image.DigitFraming;
import dev.dlforge.core.image.PictureFraming;
import dev.dlforge.data.datasets.FontDigits;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.data.datasets.Mnist;
import dev.dlforge.data.datasets.OpencvDigits;
import dev.dlforge.models.vision.Mlp;
import dev.dlforge.models.vision.VggStyleCnn;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Roadmap;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.vision.ImageClassifierProject;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.vision.ImageClassifierRecipe;
import dev.dlforge.projects.vision.ImageClassifierRecipe.Training;
import dev.dlforge.projects.vision.ImageClassifierReport;
import dev.dlforge.projects.vision.LearnedFilters;
import dev.dlforge.projects.vision.OutOfSourceTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handwritten digits, the first project: an MLP (784-256-128-10) and then a small CNN, on 5,000 real
 * digits from OpenCV's samples (MNIST when the user has it). See docs/projects/digits.md.
 */
public final class DigitsProject extends ImageClassifierProject {
    public static final String ID = "digits";
    /**
     * Writers slant, size, place and stretch digits differently and use finer or bolder pens, and
     * hands wobble; mirrored digits are not digits.
     */
    static final ImageClassifierRecipe.Augment HANDWRITING = new ImageClassifierRecipe.Augment(2, 12, 0.12, false, 0.3, 0.2,
            1.5, 0.5, 8, 4);
    /** Digits rendered from fonts: a test set from another source than the handwriting trained on. */
    static final OutOfSourceTest FONTS = new OutOfSourceTest("rendered_fonts", "digits rendered from fonts", new FontDigits());

    @Override
    public ProjectInfo info() {
        return Roadmap.entry(ID);
    }

    @Override
    public List<String> models() {
        return List.of("cnn", "mlp");
    }

    @Override
    public List<BenchmarkTarget> benchmarkTargets() {
        return List.of(new BenchmarkTarget("cnn", "test_accuracy", 0.99, 0), new BenchmarkTarget("cnn", "rendered_fonts_accuracy", 0.95, 0),
                new BenchmarkTarget("mlp", "test_accuracy", 0.97, 0));
    }

    @Override
    public List<String> datasets() {
        return List.of(OpencvDigits.ID, Mnist.ID);
    }

    /** Defaults reproduce docs/projects/digits.md: CNN >= 98.5%, MLP >= 97% on opencv-digits' test split. */
    @Override
    protected ImageClassifierRecipe defaults(String model) {
        return switch (model) {
            case "mlp" -> new ImageClassifierRecipe(OpencvDigits.ID, "mlp", Recipes.with(Training.defaults(), Map.of("epochs", 100)), 0.2f,
                    HANDWRITING, 0);
            default -> new ImageClassifierRecipe(OpencvDigits.ID, "cnn", Recipes.with(Training.defaults(), Map.of("epochs", 40)), 0.3f,
                    HANDWRITING, 0);
        };
    }

    @Override
    protected Block buildModel(ImageClassifierRecipe recipe, int channels, int classes) {
        return switch (recipe.model()) {
            case "mlp" -> Mlp.build(channels, new int[] {256, 128}, recipe.dropout(), classes);
            default -> new VggStyleCnn(channels, new int[] {32, 64, 128}, 2, 0.1f, 128, recipe.dropout(), classes).build();
        };
    }

    @Override
    public Demo demo() {
        return new Demo("draw", "Draw a digit with the mouse; the model reads it as you draw.", Map.of("width", 280, "height", 280, "stroke", 18));
    }

    /** Like MNIST: the digit's longer side scaled to 20 pixels, centred by its centre of mass in 28x28. */
    @Override
    protected PictureFraming imageInput(int side) {
        return framing(side);
    }

    /**
     * The training and test digits (and the rendered ones of the out-of-source set, whatever their
     * canvas) go through the very framing a user's picture does, into MNIST's 28x28 frame.
     */
    @Override
    protected LabeledImages framedForModel(LabeledImages stored) {
        DigitFraming framing = DigitFraming.MNIST;
        int size = framing.size();
        byte[] pixels = new byte[stored.size() * size * size];
        for (int i = 0; i < stored.size(); i++) {
            byte[] framed = framing.frameBytes(stored.pixels(), i * stored.imageSize(), stored.width(), stored.height());
            System.arraycopy(framed, 0, pixels, i * size * size, size * size);
        }
        return new LabeledImages(pixels, stored.labels(), 1, size, size);
    }

    @Override
    protected Optional<OutOfSourceTest> outOfSourceTest() {
        return Optional.of(FONTS);
    }

    /** MNIST's frame ({@link DigitFraming#MNIST}) for 28-pixel models; the same proportions for others. */
    static DigitFraming framing(int side) {
        return side == 28 ? DigitFraming.MNIST : new DigitFraming(side, Math.max(1, Math.round(side * 20 / 28f)));
    }

    @Override
    protected void extendReport(ImageClassifierReport report, Block block) throws IOException {
        if (LearnedFilters.save(block, 28, 28, 64, report.run().plots().resolve("filters.png"))) {
            report.addPlot("What the network learned", "filters.png",
                    "The first layer's weights as images: each tile is the pattern one unit (MLP) or filter (CNN) responds to.");
        }
    }
}
