package dev.dlforge.data.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws a digit from a font with Java2D, as a printed or typed digit a user might photograph: the
 * glyph's outline scaled so its height is {@code height} pixels, made bolder by also stroking the
 * outline in ink ({@code stroke > 0}, the stroke's full width in pixels) or thinner by stroking it in
 * paper colour ({@code stroke < 0}), rotated about its centre and centred on a square canvas,
 * anti-aliased. The result is deterministic for a given font file and variant.
 */
public final class FontDigitRenderer {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /**
     * One way of drawing a glyph.
     *
     * @param height glyph height in pixels
     * @param stroke outline stroke width in pixels: positive thickens, negative thins, 0 is the plain glyph
     * @param rotateDegrees clockwise rotation
     * @param darkOnLight black ink on white paper (else white on black)
     */
    public record Variant(double height, double stroke, double rotateDegrees, boolean darkOnLight) {}

    private FontDigitRenderer() {}

    /** The digit {@code digit} (0-9) of {@code font} drawn on a {@code side x side} canvas. */
    public static BufferedImage render(Font font, int digit, Variant v, int side) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a digit is 0-9, got " + digit);
        }
        Shape glyph = font.deriveFont(100f).createGlyphVector(FRC, String.valueOf((char) ('0' + digit))).getOutline();
        Rectangle2D b = glyph.getBounds2D();
        if (b.getHeight() <= 0) {
            throw new IllegalArgumentException("font " + font.getFontName() + " has no outline for '" + digit + "'");
        }
        double s = v.height() / b.getHeight();
        AffineTransform t = new AffineTransform();
        t.translate(side / 2.0, side / 2.0);
        t.rotate(Math.toRadians(v.rotateDegrees()));
        t.scale(s, s);
        t.translate(-b.getCenterX(), -b.getCenterY());
        Shape shape = t.createTransformedShape(glyph);

        Color ink = v.darkOnLight() ? Color.BLACK : Color.WHITE;
        Color paper = v.darkOnLight() ? Color.WHITE : Color.BLACK;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(paper);
            g.fillRect(0, 0, side, side);
            g.setColor(ink);
            g.fill(shape);
            if (v.stroke() != 0) {
                g.setColor(v.stroke() > 0 ? ink : paper);
                g.setStroke(new BasicStroke((float) Math.abs(v.stroke()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
