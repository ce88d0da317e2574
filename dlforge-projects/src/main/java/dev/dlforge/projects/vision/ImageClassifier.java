package dev.dlforge.projects.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.eval.ClassifierEvaluation;
import dev.dlforge.core.image.ImageFiles;
import dev.dlforge.core.image.PictureFraming;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.train.BatchSource;
import dev.dlforge.projects.serving.output.Classes.Score;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained image classifier loaded from its model folder, ready to classify pictures. Owns its
 * native memory: close it when done. Each call works in its own scoped manager.
 */
public final class ImageClassifier implements AutoCloseable {
    private final NDManager manager;
    private final Block block;
    private final ModelCard card;
    private final PictureFraming input;
    private final ParameterStore store;

    private ImageClassifier(NDManager manager, Block block, ModelCard card, PictureFraming input) {
        this.manager = manager;
        this.block = block;
        this.card = card;
        this.input = input;
        this.store = new ParameterStore(manager, false);
    }

    public static ImageClassifier load(ImageClassifierProject project, Path modelDir) {
        ModelCard card = ModelArtifact.readCard(modelDir);
        if (!card.project().equals(project.info().id())) {
            throw new DlforgeException("model " + modelDir + " belongs to project " + card.project() + ", not " + project.info().id(),
                    "use it with its own project");
        }
        ImageClassifierRecipe recipe = ImageClassifierProject.recipeOf(card.recipe(), "model " + modelDir);
        List<Long> shape = card.inputShape();
        if (shape == null || shape.size() != 3 || shape.contains(-1L)) {
            throw new DlforgeException("model card " + modelDir.resolve("model.json") + " gives input shape " + shape
                    + ", not the [channels, height, width] of an image model", "retrain the model, or copy the model folder again");
        }
        NDManager manager = Engines.newManager();
        try {
            Block block = project.newInitializedModel(recipe, shape.get(0).intValue(), shape.get(1).intValue(),
                    shape.get(2).intValue(), card.labels().size(), manager);
            ModelArtifact.loadWeights(modelDir, block);
            return new ImageClassifier(manager, block, card, project.imageInputFor(card));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public ModelCard card() {
        return card;
    }

    /** The {@code topK} most probable classes of the picture in {@code file}. */
    public List<Score> classify(Path file, int topK) {
        return classify(ImageFiles.read(file), topK);
    }

    public List<Score> classify(BufferedImage image, int topK) {
        return classifyPixels(pixelsOf(image), topK);
    }

    /** Classifies pixels already framed like the training data: (C*H*W) values in [0, 1]. */
    public List<Score> classifyPixels(float[] pixels, int topK) {
        return classifyBatch(List.of(pixels), topK).get(0);
    }

    /**
     * Classifies a batch in one forward pass: each element is (C*H*W) values in [0, 1]; the answer
     * holds each one's {@code topK} classes, most probable first.
     */
    public List<List<Score>> classifyBatch(List<float[]> batch, int topK) {
        List<Long> s = card.inputShape();
        int size = Math.toIntExact(s.get(0) * s.get(1) * s.get(2));
        float[] flat = new float[batch.size() * size];
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).length != size) {
                throw new IllegalArgumentException("input " + i + " has " + batch.get(i).length + " values, the model takes " + size);
            }
            System.arraycopy(batch.get(i), 0, flat, i * size, size);
        }
        int classes = card.labels().size();
        float[] p;
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(flat, new Shape(batch.size(), s.get(0), s.get(1), s.get(2)));   // (B, C, H, W)
            p = block.forward(store, new NDList(x), false).head().softmax(-1).toFloatArray();       // (B, classes)
        }
        List<List<Score>> answers = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            List<Score> scores = new ArrayList<>(classes);
            for (int i = 0; i < classes; i++) {
                scores.add(new Score(card.labels().get(i), p[b * classes + i]));
            }
            scores.sort((x, y) -> Double.compare(y.probability(), x.probability()));
            answers.add(List.copyOf(scores.subList(0, Math.min(topK, classes))));
        }
        return answers;
    }

    /** Frames a user's picture like the training data: (C*H*W) values in [0, 1]. */
    public float[] pixelsOf(BufferedImage image) {
        if (card.inputShape().get(0) != 1) {
            throw new DlforgeException("classifying pictures with a colour model is not supported yet", "use a grey-scale project");
        }
        return input.toPixels(image);
    }

    public ClassifierEvaluation evaluate(BatchSource source) {
        return ClassifierEvaluation.run(block, source, manager);
    }

    @Override
    public void close() {
        manager.close();
    }
}
