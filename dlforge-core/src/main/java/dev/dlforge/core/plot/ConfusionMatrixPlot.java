package dev.dlforge.core.plot;

import dev.dlforge.core.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A confusion matrix as a heat map: rows are true classes, columns predictions, each cell shaded by
 * its share of the row and labelled with its count.
 */
public final class ConfusionMatrixPlot {
    private static final int CELL = 54;
    private static final int MARGIN_LEFT = 130;
    private static final int MARGIN_TOP = 150;

    private ConfusionMatrixPlot() {}

    public static void save(ConfusionMatrix m, List<String> classNames, String title, Path png) throws IOException {
        int n = m.classes();
        int width = MARGIN_LEFT + n * CELL + 20;
        int height = MARGIN_TOP + n * CELL + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("predicted \u2192", MARGIN_LEFT, 44);
        g.drawString("true \u2193", 10, MARGIN_TOP - 8);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < n; i++) {
            String name = shorten(classNames.get(i));
            g.drawString(name, MARGIN_LEFT - 8 - fm.stringWidth(name), MARGIN_TOP + i * CELL + CELL / 2 + 5);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2.5, MARGIN_LEFT + i * CELL + CELL / 2.0, MARGIN_TOP - 8);
            g.drawString(name, MARGIN_LEFT + i * CELL + CELL / 2, MARGIN_TOP - 8);
            g.setTransform(saved);
        }
        for (int t = 0; t < n; t++) {
            long support = Math.max(1, m.support(t));
            for (int p = 0; p < n; p++) {
                double share = m.count(t, p) / (double) support;
                g.setColor(shade(share, t == p));
                int x = MARGIN_LEFT + p * CELL;
                int y = MARGIN_TOP + t * CELL;
                g.fillRect(x, y, CELL, CELL);
                g.setColor(new Color(220, 220, 220));
                g.drawRect(x, y, CELL, CELL);
                String count = Long.toString(m.count(t, p));
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                g.drawString(count, x + (CELL - fm.stringWidth(count)) / 2, y + CELL / 2 + 5);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(java.util.Locale.ROOT, "accuracy %.4f on %d examples", m.accuracy(), m.total()),
                MARGIN_LEFT, MARGIN_TOP + n * CELL + 25);
        g.dispose();
        Plots.savePng(image, png);
    }

    private static Color shade(double share, boolean diagonal) {
        float s = (float) Math.sqrt(share); // lifts small error counts into view
        return diagonal
                ? new Color(1 - 0.85f * s, 1 - 0.55f * s, 1 - 0.25f * s)
                : new Color(1 - 0.1f * s, 1 - 0.75f * s, 1 - 0.75f * s);
    }

    private static String shorten(String name) {
        return name.length() > 14 ? name.substring(0, 13) + "\u2026" : name;
    }
}
