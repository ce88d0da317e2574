package dev.dlforge.projects.serving.output;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Objects found in a picture (detection, faces, plates): labelled boxes in the pixels of the picture as
 * sent, origin top left, x to the right and y down.
 *
 * @param width the picture's width in pixels
 * @param height the picture's height in pixels
 * @param boxes the objects, best score first
 */
@JsonTypeName("boxes")
public record Boxes(int width, int height, List<Box> boxes) implements Output {

    /**
     * One object.
     *
     * @param score the model's confidence in [0, 1]
     * @param x left edge, pixels
     * @param y top edge, pixels
     */
    public record Box(String label, double score, double x, double y, double width, double height) {
        public Box {
            if (!(width >= 0 && height >= 0)) {
                throw new IllegalArgumentException("a box has a negative size: " + width + "x" + height);
            }
        }
    }

    public Boxes {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the picture must be at least 1x1 pixels, got " + width + "x" + height);
        }
        boxes = List.copyOf(boxes);
    }
}
