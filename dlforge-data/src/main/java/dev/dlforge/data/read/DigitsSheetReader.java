package dev.dlforge.data.read;

import dev.dlforge.core.image.GrayImages;
import dev.dlforge.core.image.ImageFiles;
import dev.dlforge.data.image.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * OpenCV's {@code digits.png}: one 2000x1000 sheet of 5,000 handwritten digits in 20x20 cells, 100
 * per row; rows 0-4 hold zeros, 5-9 ones, and so on (500 per digit). Each cell is padded with 4 black
 * pixels a side to 28x28, the MNIST frame (MNIST also fits digits in a 20x20 box).
 */
public final class DigitsSheetReader {
    static final int CELL = 20;
    static final int COLUMNS = 100;
    static final int ROWS = 50;
    static final int PAD = 4;
    public static final int SIDE = CELL + 2 * PAD;

    private DigitsSheetReader() {}

    public static LabeledImages read(Path png) throws IOException {
        BufferedImage sheet;
        try {
            sheet = ImageFiles.read(png);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (sheet.getWidth() != CELL * COLUMNS || sheet.getHeight() != CELL * ROWS) {
            throw new IOException(png.getFileName() + " is " + sheet.getWidth() + "x" + sheet.getHeight()
                    + ", expected OpenCV's 2000x1000 digits sheet");
        }
        float[] lum = GrayImages.luminance(sheet);
        int n = ROWS * COLUMNS;
        byte[] pixels = new byte[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                int i = row * COLUMNS + col;
                labels[i] = row / (ROWS / 10);
                for (int y = 0; y < CELL; y++) {
                    for (int x = 0; x < CELL; x++) {
                        float v = lum[(row * CELL + y) * sheet.getWidth() + col * CELL + x];
                        pixels[i * SIDE * SIDE + (y + PAD) * SIDE + x + PAD] = (byte) Math.round(v * 255);
                    }
                }
            }
        }
        return new LabeledImages(pixels, labels, 1, SIDE, SIDE);
    }
}
