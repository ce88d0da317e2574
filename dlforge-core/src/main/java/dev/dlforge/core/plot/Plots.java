package dev.dlforge.core.plot;

import dev.dlforge.core.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes PNG files atomically. */
public final class Plots {
    private Plots() {}

    public static void savePng(BufferedImage image, Path png) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    public static void savePng(Chart<?, ?> chart, Path png) throws IOException {
        savePng(BitmapEncoder.getBufferedImage(chart), png);
    }
}
