package dev.dlforge.core.model;

import dev.dlforge.core.DlforgeException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a model card may claim before anything is built from it. A card is a file a user can copy,
 * edit or receive damaged, and its input shape sizes the arrays a model is initialised with: a card
 * saying [1, 100000, 100000] would have the engine try to allocate 40 GB. So, when a card is read:
 * each input dimension is at least 1 (or -1, "any length", for sequence models), and one example
 * holds at most {@value #MAX_INPUT_ELEMENTS} values (64 Mi: a 4,096 x 4,096 colour image is 48 Mi).
 */
public final class ModelCardLimits {
    public static final long MAX_INPUT_ELEMENTS = 1L << 26;
    /** Axes of one input; far more than any network here takes (images have 3). */
    public static final int MAX_INPUT_AXES = 8;

    private ModelCardLimits() {}

    /** Refuses {@code card}, read from {@code file}, when its shapes are outside the limits. */
    public static ModelCard check(ModelCard card, Path file) {
        List<Long> shape = card.inputShape();
        if (shape == null) {
            return card; // cards without an input (a retrieval index) are fine
        }
        if (shape.size() > MAX_INPUT_AXES) {
            throw refused(file, shape, "it has " + shape.size() + " axes, at most " + MAX_INPUT_AXES + " are accepted");
        }
        long elements = 1;
        for (int i = 0; i < shape.size(); i++) {
            Long d = shape.get(i);
            if (d == null || (d < 1 && d != -1)) {
                throw refused(file, shape, "axis " + (i + 1) + " is " + d + "; each must be at least 1 (or -1 for any length)");
            }
            if (d > 0) {
                if (d > MAX_INPUT_ELEMENTS / elements) { // elements * d > MAX, without overflowing
                    throw refused(file, shape, "one example would hold more than " + MAX_INPUT_ELEMENTS + " values");
                }
                elements *= d;
            }
        }
        return card;
    }

    private static DlforgeException refused(Path file, List<Long> shape, String why) {
        return new DlforgeException("model card " + file + " claims input shape " + shape + ": " + why,
                "the card is damaged or not dlforge's: retrain the model, or copy the model folder again from where it came");
    }
}
