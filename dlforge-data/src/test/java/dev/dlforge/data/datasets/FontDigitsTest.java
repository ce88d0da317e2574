package dev.dlforge.data.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.data.source.CombinedSource;
import dev.dlforge.data.source.DebianPackageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontDigitsTest {
    /** Installed with Java's own font configuration on Debian (fonts-dejavu-core). */
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    @TempDir
    Path tmp;

    @Test
    void specListsEveryFontOnceFromItsDebianPackageAndSaysTheyAreRenderedFromFonts() {
        var spec = new FontDigits().spec();
        assertThat(spec.files()).hasSize(FontDigits.FONT_COUNT).doesNotHaveDuplicates();
        assertThat(FontDigits.FONTS).hasSize(FontDigits.PACKAGE_COUNT);
        assertThat(spec.summary()).contains("rendered from fonts").contains("12,720");
        assertThat(spec.title()).contains("rendered from fonts");
        assertThat(spec.sources()).singleElement().isInstanceOf(CombinedSource.class);
        var parts = ((CombinedSource) spec.sources().get(0)).parts();
        assertThat(parts).hasSize(FontDigits.PACKAGE_COUNT).allMatch(p -> p instanceof DebianPackageSource);
        assertThat(DatasetRegistry.builtIn().get(FontDigits.ID)).isInstanceOf(FontDigits.class);
    }

    @Test
    void rendersTenDigitsInEveryVariantInFileDigitVariantOrder() throws IOException {
        Path sans = DEJAVU.resolve("DejaVuSans.ttf");
        Path serif = DEJAVU.resolve("DejaVuSerif-Bold.ttf");
        assumeTrue(Files.isRegularFile(sans) && Files.isRegularFile(serif), "DejaVu fonts are installed");
        LabeledImages images = FontDigits.render(List.of(sans, serif));
        int perFont = 10 * FontDigits.VARIANTS.size();
        assertThat(images.size()).isEqualTo(2 * perFont);
        assertThat(images.height()).isEqualTo(FontDigits.SIDE);
        for (int i = 0; i < images.size(); i++) {
            assertThat(images.labels()[i]).isEqualTo(i % perFont / FontDigits.VARIANTS.size());
        }
        // Polarity alternates with the variant: the corner pixel is paper.
        int side = FontDigits.SIDE;
        assertThat(images.pixels()[0] & 0xFF).as("variant 0: black on white").isEqualTo(255);
        assertThat(images.pixels()[side * side] & 0xFF).as("variant 1: white on black").isEqualTo(0);
        // Every image holds a glyph, and the two fonts draw different images.
        for (int i = 0; i < images.size(); i++) {
            int paper = images.pixels()[i * side * side] & 0xFF;
            int ink = 0;
            for (int p = i * side * side; p < (i + 1) * side * side; p++) {
                ink += Math.abs((images.pixels()[p] & 0xFF) - paper) > 128 ? 1 : 0;
            }
            assertThat(ink).as("image " + i).isGreaterThan(15);
        }
        byte[] first = Arrays.copyOfRange(images.pixels(), 0, perFont * side * side);
        byte[] second = Arrays.copyOfRange(images.pixels(), perFont * side * side, 2 * perFont * side * side);
        assertThat(first).isNotEqualTo(second);
        assertThat(FontDigits.render(List.of(sans, serif)).pixels()).as("deterministic").isEqualTo(images.pixels());
    }

    @Test
    void aFileThatIsNotAFontIsAnIOExceptionNamingIt() throws IOException {
        Path bad = Files.writeString(tmp.resolve("NotAFont.ttf"), "<html>404 Not Found</html>");
        assertThatThrownBy(() -> FontDigits.render(List.of(bad))).isInstanceOf(IOException.class).hasMessageContaining("NotAFont.ttf");
    }

    @Test
    void damagedFontFilesFailAsIOExceptionsOnly() throws IOException {
        Path sans = DEJAVU.resolve("DejaVuSans.ttf");
        assumeTrue(Files.isRegularFile(sans), "DejaVu fonts are installed");
        byte[] good = Files.readAllBytes(sans);
        Random rng = new Random(7);
        var outcomes = new HashSet<String>();
        for (int trial = 0; trial < 40; trial++) {
            byte[] bytes = trial % 2 == 0 ? Arrays.copyOf(good, rng.nextInt(good.length / 4)) : good.clone();
            if (trial % 2 == 1) {
                for (int k = 0; k < 64; k++) {
                    bytes[rng.nextInt(Math.min(bytes.length, 4096))] = (byte) rng.nextInt(256);
                }
            }
            Path file = Files.write(tmp.resolve("fuzz" + trial + ".ttf"), bytes);
            try {
                LabeledImages images = FontDigits.render(List.of(file));
                assertThat(images.size()).isEqualTo(10 * FontDigits.VARIANTS.size());
                outcomes.add("read");
            } catch (IOException e) {
                assertThat(e.getMessage()).contains(file.getFileName().toString());
                outcomes.add("refused");
            }
        }
        assertThat(outcomes).contains("refused");
    }
}
