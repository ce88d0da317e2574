package dev.dlforge.projects.digits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.image.GrayImages;
import dev.dlforge.data.image.FontDigitRenderer;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.projects.vision.ImageClassifierRecipe;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The digits project frames its training images and a user's picture with one function. The defect:
 * training digits kept the sheet's own size (about 15 of their 20-pixel cell) while {@code predict}
 * scaled every picture's digit to 20 pixels, so a user's digit always looked a third larger than
 * anything the model had seen.
 */
class DigitsFramingTest {
    private final DigitsProject project = new DigitsProject();

    /** A training cell as DigitsSheetReader makes it: a 15-pixel digit in a 20x20 cell, padded by 4 to 28x28. */
    private static LabeledImages trainingCell(int digit) {
        BufferedImage cell = FontDigitRenderer.render(new Font(Font.SANS_SERIF, Font.PLAIN, 12), digit,
                new FontDigitRenderer.Variant(15, 0, 0, false), 20);
        float[] lum = GrayImages.luminance(cell);
        byte[] pixels = new byte[28 * 28];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                pixels[(y + 4) * 28 + x + 4] = (byte) Math.round(lum[y * 20 + x] * 255);
            }
        }
        return new LabeledImages(pixels, new int[] {digit}, 1, 28, 28);
    }

    @Test
    void aBoldOneAt26PixelsIsFramedAtTheSizeOfTheTrainingOnes() {
        BufferedImage bold = FontDigitRenderer.render(new Font(Font.SANS_SERIF, Font.BOLD, 12), 1,
                new FontDigitRenderer.Variant(26, 3, 0, true), 48);
        float[] predicted = project.imageInput(28).toPixels(bold);
        LabeledImages trained = project.framedForModel(trainingCell(1));
        float[] training = new float[28 * 28];
        for (int i = 0; i < training.length; i++) {
            training[i] = (trained.pixels()[i] & 0xFF) * (1f / 255f);
        }
        assertThat(inkRows(predicted)).isEqualTo(inkRows(training)).isBetween(19, 21);
        assertThat(Math.abs(centreRow(predicted) - centreRow(training))).isLessThan(1.0);
    }

    @Test
    void framingATrainingImageTwiceChangesNothingItsSizeOrPlace() {
        LabeledImages once = project.framedForModel(trainingCell(7));
        LabeledImages twice = project.framedForModel(once);
        assertThat(twice.height()).isEqualTo(28);
        int differing = 0;
        for (int i = 0; i < once.pixels().length; i++) {
            differing += Math.abs((once.pixels()[i] & 0xFF) - (twice.pixels()[i] & 0xFF)) > 8 ? 1 : 0;
        }
        assertThat(differing).isLessThan(20);
    }

    @Test
    void theDefaultRecipeAugmentsLikeHandwritingAndNeverMirrors() {
        ImageClassifierRecipe.Augment a = DigitsProject.HANDWRITING;
        assertThat(a.flip()).isFalse();
        assertThat(a.slant()).isPositive();
        assertThat(a.strokeGrow()).isPositive();
        assertThat(a.elasticAlpha()).isPositive();
        assertThat(project.benchmarkTargets()).anySatisfy(t -> assertThat(t.metric()).isEqualTo("rendered_fonts_accuracy"));
    }

    private static int inkRows(float[] p) {
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

    private static double centreRow(float[] p) {
        double s = 0, sy = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i];
            sy += p[i] * (i / 28 + 0.5);
        }
        return sy / s;
    }
}
