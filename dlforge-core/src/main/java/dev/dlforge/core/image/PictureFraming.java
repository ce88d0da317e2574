package dev.dlforge.core.image;

import java.awt.image.BufferedImage;

/** How a picture becomes a model input shaped like the training data: grey values in [0, 1], row-major. */
@FunctionalInterface
public interface PictureFraming {

    /** The picture's pixels framed for the model, {@code size * size} values in [0, 1]. */
    float[] toPixels(BufferedImage image);
}
