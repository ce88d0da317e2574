package dev.dlforge.core.model;

import ai.djl.nn.Block;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.io.Json;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained model on disk: a folder with {@code model.json} ({@link ModelCard}) and
 * {@code weights.bin} ({@link Weights} format). Both files are written atomically, weights first,
 * so a card always describes complete weights.
 */
public final class ModelArtifact {
    public static final int FORMAT = 1;
    private static final String CARD = "model.json";
    private static final String WEIGHTS = "weights.bin";

    private ModelArtifact() {}

    public static void save(Path dir, ModelCard card, Block block) throws IOException {
        AtomicFiles.write(dir.resolve(WEIGHTS), out -> {
            DataOutputStream data = new DataOutputStream(out);
            Weights.write(block, data);
            data.flush();
        });
        Json.writeFile(dir.resolve(CARD), card);
    }

    public static ModelCard readCard(Path dir) {
        Path card = dir.resolve(CARD);
        if (!Files.isRegularFile(card)) {
            throw new DlforgeException("no trained model in " + dir, "train one first, or wait for the run's first epoch to finish");
        }
        try {
            ModelCard c = Json.readFile(card, ModelCard.class);
            if (c.format() > FORMAT) {
                throw new DlforgeException("model " + dir + " was saved by a newer dlforge (format " + c.format() + ")",
                        "update dlforge");
            }
            return c;
        } catch (IOException e) {
            throw new DlforgeException("model card " + card + " is damaged: " + e.getMessage(), "retrain, or restore it from the run's checkpoint");
        }
    }

    public static void loadWeights(Path dir, Block block) {
        try (InputStream in = Files.newInputStream(dir.resolve(WEIGHTS));
                DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            Weights.read(block, data);
        } catch (IOException e) {
            throw new DlforgeException("cannot load weights from " + dir.resolve(WEIGHTS) + ": " + e.getMessage(),
                    "retrain the model, or restore it from the run's checkpoint");
        }
    }
}
