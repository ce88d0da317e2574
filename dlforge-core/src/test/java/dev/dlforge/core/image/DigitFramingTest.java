package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DigitFramingTest {
    private static final DigitFraming FRAMING = DigitFraming.MNIST;

    /** A "7" drawn as two strokes of the given width in a box at (x, y) of size (w, h). */
    static BufferedImage seven(int side, double x, double y, double w, double h, float stroke, boolean darkOnLight) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(darkOnLight ? Color.WHITE : Color.BLACK);
        g.fillRect(0, 0, side, side);
        g.setColor(darkOnLight ? Color.BLACK : Color.WHITE);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new Path2D.Double();
        path.moveTo(x + stroke / 2, y + stroke / 2);
        path.lineTo(x + w - stroke / 2, y + stroke / 2);
        path.lineTo(x + w * 0.35, y + h - stroke / 2);
        g.draw(path);
        g.dispose();
        return img;
    }

    @Test
    void aThickLargeOffCentreDarkDigitFramesLikeAThinCentredBrightOne() {
        // 280 px picture, black ink on white, the digit 200 px tall in the bottom-right corner, 24 px strokes.
        float[] big = FRAMING.toPixels(seven(280, 120, 70, 150, 200, 24, true));
        // 28 px picture, white on black, the digit 20 px tall and centred, 2.4 px strokes: the same shape.
        float[] small = FRAMING.toPixels(seven(28, 6.5, 4, 15, 20, 2.4f, false));
        assertThat(big).hasSize(784);
        // Placement rounds the centre of mass to whole pixels: compare at the best shift of at most one pixel.
        // Rasterising a 2.4 px stroke at 28 px blurs it more than area-averaging a 24 px one: some difference remains,
        // far less than between two different shapes (the same strokes upside down).
        double same = bestShiftedL1(big, small) / ink(small);
        BufferedImage other = seven(28, 6.5, 4, 15, 20, 2.4f, false);
        java.awt.geom.AffineTransform flip = new java.awt.geom.AffineTransform(1, 0, 0, -1, 0, 28);
        BufferedImage upsideDown = new java.awt.image.AffineTransformOp(flip, null).filter(other, null);
        double different = bestShiftedL1(big, FRAMING.toPixels(upsideDown)) / ink(small);
        assertThat(same).as("L1 difference relative to the ink").isLessThan(0.35).isLessThan(different / 3);
        assertThat(inkRows(big)).isEqualTo(inkRows(small)).isBetween(19, 21);
        double[] com = DigitFraming.centreOfMass(big, 28, 28);
        double[] comSmall = DigitFraming.centreOfMass(small, 28, 28);
        assertThat(com[0]).isBetween(13.0, 15.0).isCloseTo(comSmall[0], org.assertj.core.data.Offset.offset(1.0));
        assertThat(com[1]).isBetween(13.0, 15.0).isCloseTo(comSmall[1], org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void polarityIsDetectedFromTheBorder() {
        float[] paper = GrayImages.luminance(seven(60, 10, 10, 40, 40, 6, true));
        float[] screen = GrayImages.luminance(seven(60, 10, 10, 40, 40, 6, false));
        assertThat(DigitFraming.isDarkOnLight(paper, 60, 60)).isTrue();
        assertThat(DigitFraming.isDarkOnLight(screen, 60, 60)).isFalse();
        assertThat(FRAMING.frame(paper, 60, 60)).containsExactly(FRAMING.frame(screen, 60, 60));
    }

    @Test
    void greyPaperAndFaintInkAreStretchedToBlackAndWhite() {
        float[] crisp = GrayImages.luminance(seven(60, 10, 10, 40, 40, 6, true));
        float[] faint = new float[crisp.length];
        for (int i = 0; i < crisp.length; i++) {
            faint[i] = 0.45f + 0.4f * crisp[i]; // pencil on grey paper: ink 0.45, paper 0.85
        }
        float[] a = FRAMING.frame(crisp, 60, 60);
        float[] b = FRAMING.frame(faint, 60, 60);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i])).as("pixel " + i).isLessThanOrEqualTo(2 / 255f);
        }
    }

    @Test
    void outputIsQuantisedLikeStoredTrainingImagesSoFramingAgainChangesLittle() {
        float[] once = FRAMING.toPixels(seven(100, 20, 15, 50, 70, 9, true));
        for (float v : once) {
            int k = Math.round(v * 255);
            assertThat(v).isEqualTo(k * (1f / 255f));
        }
        float[] twice = FRAMING.frame(once, 28, 28);
        assertThat(inkRows(twice)).isEqualTo(inkRows(once));
        double diff = 0;
        for (int i = 0; i < once.length; i++) {
            diff += Math.abs(once[i] - twice[i]);
        }
        assertThat(diff / ink(once)).isLessThan(0.1);
    }

    @Test
    void bytesFrameExactlyAsFloats() {
        float[] lum = GrayImages.luminance(seven(40, 5, 5, 20, 30, 3, false));
        byte[] bytes = new byte[lum.length];
        float[] stored = new float[lum.length];
        for (int i = 0; i < lum.length; i++) {
            bytes[i] = (byte) Math.round(lum[i] * 255);
            stored[i] = (bytes[i] & 0xFF) * (1f / 255f);
        }
        byte[] framedBytes = FRAMING.frameBytes(bytes, 0, 40, 40);
        float[] framed = FRAMING.frame(stored, 40, 40);
        for (int i = 0; i < framed.length; i++) {
            assertThat((framedBytes[i] & 0xFF) * (1f / 255f)).isEqualTo(framed[i]);
        }
    }

    @Test
    void aBlankPictureGivesAnEmptyFrame() {
        BufferedImage white = new BufferedImage(50, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 50, 30);
        g.dispose();
        assertThat(FRAMING.toPixels(white)).hasSize(784).containsOnly(0f);
    }

    @Test
    void aBoxLargerThanTheFrameIsRefused() {
        assertThatThrownBy(() -> new DigitFraming(28, 29)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..28");
    }

    /** The smallest L1 distance between a and b shifted by at most one pixel each way. */
    static double bestShiftedL1(float[] a, float[] b) {
        double best = Double.MAX_VALUE;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                double d = 0;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        int sx = x + dx;
                        int sy = y + dy;
                        float bv = sx < 0 || sy < 0 || sx >= 28 || sy >= 28 ? 0 : b[sy * 28 + sx];
                        d += Math.abs(a[y * 28 + x] - bv);
                    }
                }
                best = Math.min(best, d);
            }
        }
        return best;
    }

    static double ink(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s;
    }

    /** Rows holding any pixel above 0.3. */
    static int inkRows(float[] p) {
        int rows = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (p[y * 28 + x] > 0.3f) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}
