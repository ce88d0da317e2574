package dev.dlforge.core.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Small images in a grid, each enlarged and captioned: misclassified examples, learned filters,
 * generated samples.
 */
public final class ImageGrid {

    /** One cell: an image, a caption under it, and a frame colour (null for none). */
    public record Tile(BufferedImage image, String caption, Color frame) {}

    private ImageGrid() {}

    public static void save(List<Tile> tiles, int columns, int scale, String title, Path png) throws IOException {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no images to draw");
        }
        int tileW = tiles.get(0).image().getWidth() * scale;
        int tileH = tiles.get(0).image().getHeight() * scale;
        boolean captions = tiles.stream().anyMatch(t -> t.caption() != null && !t.caption().isEmpty());
        int captionH = captions ? 30 : 0;
        int cellW = Math.max(tileW, captions ? 96 : 0) + 8;
        int cellH = tileH + captionH + 8;
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        int top = title == null ? 4 : 30;
        BufferedImage canvas = new BufferedImage(cols * cellW + 8, top + rows * cellH + 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 8, 20);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            int x = 8 + (i % cols) * cellW + (cellW - 8 - tileW) / 2;
            int y = top + (i / cols) * cellH;
            g.drawImage(t.image(), x, y, tileW, tileH, null);
            if (t.frame() != null) {
                g.setColor(t.frame());
                g.drawRect(x - 1, y - 1, tileW + 1, tileH + 1);
            }
            if (t.caption() != null) {
                g.setColor(Color.BLACK);
                String[] lines = t.caption().split("\n");
                for (int l = 0; l < lines.length && l < 2; l++) {
                    g.drawString(lines[l], 8 + (i % cols) * cellW, y + tileH + 13 + 12 * l);
                }
            }
        }
        g.dispose();
        Plots.savePng(canvas, png);
    }
}
