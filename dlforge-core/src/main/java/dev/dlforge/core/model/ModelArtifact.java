package dev.dlforge.core.model;

import ai.djl.nn.Block;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.io.Json;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
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
            return ModelCardLimits.check(c, card);
        } catch (IOException e) {
            throw new DlforgeException("model card " + card + " is damaged: " + e.getMessage(), "retrain, or restore it from the run's checkpoint");
        }
    }

    /**
     * Copies the weights in {@code dir} into {@code block}. A missing, truncated or corrupt file is a
     * {@link DlforgeException} naming it; a truncated one says how long it is and how long it should
     * be, which tells an interrupted copy from a file of another model.
     */
    public static void loadWeights(Path dir, Block block) {
        Path file = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(file)) {
            throw new DlforgeException("model " + dir + " has no " + WEIGHTS, WHAT_TO_DO);
        }
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            Weights.read(block, data);
        } catch (EOFException e) {
            throw new DlforgeException("model weights " + file + " are truncated: " + sizes(file, block)
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), WHAT_TO_DO, e);
        } catch (IOException e) {
            throw new DlforgeException("model weights " + file + " are corrupt or belong to another model: " + e.getMessage(),
                    WHAT_TO_DO, e);
        }
    }

    private static final String WHAT_TO_DO =
            "retrain the model (`dlforge train PROJECT`), or copy the whole model folder again from where it came";

    /** "N bytes, M expected" as far as they can be told. */
    private static String sizes(Path file, Block block) {
        String actual;
        try {
            actual = Files.size(file) + " bytes";
        } catch (IOException e) {
            actual = "size unknown";
        }
        try {
            return actual + ", " + Weights.byteSize(block) + " expected for this model";
        } catch (IOException | RuntimeException e) {
            return actual;
        }
    }
}
