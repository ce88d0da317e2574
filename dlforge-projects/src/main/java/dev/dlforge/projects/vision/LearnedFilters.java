package dev.dlforge.projects.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.dlforge.core.image.GrayImages;
import dev.dlforge.core.plot.ImageGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "What the network learned": the first layer's weights drawn as images. A dense layer's row of
 * H*W weights is the pattern its unit responds to; a convolution's kernel is a small filter. Each
 * is shown with its own contrast (most negative black, most positive white).
 */
public final class LearnedFilters {
    private LearnedFilters() {}

    /**
     * Draws up to {@code max} units of the first weight tensor; returns false if there is none of a
     * drawable shape.
     */
    public static boolean save(Block block, int inputHeight, int inputWidth, int max, Path png) throws IOException {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().getType().equals(Parameter.Type.WEIGHT)) {
                continue;
            }
            NDArray w = p.getValue().getArray();
            long[] shape = w.getShape().getShape();
            float[] values = w.toFloatArray();
            List<ImageGrid.Tile> tiles = new ArrayList<>();
            if (shape.length == 2 && shape[1] == (long) inputHeight * inputWidth) {
                // Dense (units, H*W): one image per unit.
                for (int u = 0; u < Math.min(max, shape[0]); u++) {
                    tiles.add(new ImageGrid.Tile(GrayImages.toImageAutoContrast(values, u * inputHeight * inputWidth, inputHeight, inputWidth), null, null));
                }
                ImageGrid.save(tiles, 16, 3, "first-layer weights: " + p.getKey() + " " + w.getShape(), png);
                return true;
            }
            if (shape.length == 4) {
                // Convolution (filters, in, kh, kw): the first input channel of each filter.
                int kh = (int) shape[2];
                int kw = (int) shape[3];
                int per = (int) (shape[1] * kh * kw);
                for (int f = 0; f < Math.min(max, shape[0]); f++) {
                    tiles.add(new ImageGrid.Tile(GrayImages.toImageAutoContrast(values, f * per, kh, kw), null, null));
                }
                ImageGrid.save(tiles, 16, 48 / Math.max(kh, kw), "first-layer filters: " + p.getKey() + " " + w.getShape(), png);
                return true;
            }
            return false;
        }
        return false;
    }
}
