package dev.dlforge.data.datasets;

import dev.dlforge.core.image.GrayImages;
import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.image.FontDigitRenderer;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.data.source.CombinedSource;
import dev.dlforge.data.source.DataSource;
import dev.dlforge.data.source.DebianPackageSource;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An out-of-source test set for digit models: digits <em>rendered from fonts</em>, not handwriting.
 * The ten digits of {@value #FONT_COUNT} font files from {@value #PACKAGE_COUNT} Debian font packages
 * (sans, serif, monospace, rounded and script faces; regular, bold and italic), each drawn by
 * {@link FontDigitRenderer} in {@link #VARIANTS} ways: glyph height 18 or 32 pixels; outline stroke of
 * -3 %, 0, +5 % or +10 % of that height (thin to heavy); rotated -8, 0 or +8 degrees; black on white
 * or white on black in turn; on a 48x48 canvas, the glyph centred. {@value #FONT_COUNT} x 10 x 24 =
 * 12,720 images, in font, digit, variant order. None of these fonts is used for training; models
 * train on handwriting and are tested here on input from another source.
 */
public final class FontDigits implements Dataset<LabeledImages> {
    public static final String ID = "digits-fonts";
    public static final int SIDE = 48;
    static final int FONT_COUNT = 53;
    static final int PACKAGE_COUNT = 10;
    /** Package to font files (paths inside the package). */
    static final Map<String, List<String>> FONTS = fonts();
    public static final List<FontDigitRenderer.Variant> VARIANTS = variants();

    @Override
    public DatasetSpec spec() {
        List<String> files = new ArrayList<>();
        List<DataSource> parts = new ArrayList<>();
        for (var e : FONTS.entrySet()) {
            Map<String, String> members = new LinkedHashMap<>();
            for (String path : e.getValue()) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                members.put(path, name);
                files.add(name);
            }
            parts.add(new DebianPackageSource(e.getKey(), members));
        }
        return new DatasetSpec(ID, "Digits rendered from fonts (out-of-source test)",
                "the digits 0-9 of " + FONT_COUNT + " fonts from " + PACKAGE_COUNT + " Debian font packages, rendered in "
                        + VARIANTS.size() + " sizes, stroke widths, rotations and polarities: "
                        + String.format("%,d", FONT_COUNT * 10 * VARIANTS.size()) + " images rendered from fonts, not handwriting",
                "the fonts' own free licences (OFL, GPL with font exception, Bitstream Vera, AGPL for URW base35): "
                        + "the fonts are read, not redistributed", "https://packages.debian.org/bookworm/fonts/",
                files, List.of(new CombinedSource(parts)));
    }

    /** Every font of the folder rendered in every variant; labels are the digits. */
    @Override
    public LabeledImages read(Path dir) throws IOException {
        return render(spec().files().stream().map(dir::resolve).toList());
    }

    /** The ten digits of each font file in every variant, in file, digit, variant order. */
    static LabeledImages render(List<Path> fontFiles) throws IOException {
        int perFont = 10 * VARIANTS.size();
        byte[] pixels = new byte[fontFiles.size() * perFont * SIDE * SIDE];
        int[] labels = new int[fontFiles.size() * perFont];
        int i = 0;
        for (Path file : fontFiles) {
            Font font = load(file);
            for (int digit = 0; digit < 10; digit++) {
                for (FontDigitRenderer.Variant v : VARIANTS) {
                    BufferedImage image;
                    try {
                        image = FontDigitRenderer.render(font, digit, v, SIDE);
                    } catch (IllegalArgumentException e) {
                        throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
                    }
                    float[] lum = GrayImages.luminance(image);
                    for (int p = 0; p < lum.length; p++) {
                        pixels[i * SIDE * SIDE + p] = (byte) Math.round(lum[p] * 255);
                    }
                    labels[i++] = digit;
                }
            }
        }
        return new LabeledImages(pixels, labels, 1, SIDE, SIDE);
    }

    /** A font file that draws all ten digits, or an IOException naming the file. */
    static Font load(Path file) throws IOException {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException | RuntimeException e) {
            throw new IOException(file.getFileName() + " is not a readable TrueType/OpenType font (" + e.getMessage() + ")", e);
        }
        if (font.canDisplayUpTo("0123456789") != -1) {
            throw new IOException(file.getFileName() + " (" + font.getFontName() + ") has no glyphs for all ten digits");
        }
        return font;
    }

    private static List<FontDigitRenderer.Variant> variants() {
        List<FontDigitRenderer.Variant> all = new ArrayList<>();
        for (double height : new double[] {18, 32}) {
            for (double stroke : new double[] {-0.03, 0, 0.05, 0.10}) {
                for (double rotate : new double[] {-8, 0, 8}) {
                    all.add(new FontDigitRenderer.Variant(height, stroke * height, rotate, all.size() % 2 == 0));
                }
            }
        }
        return List.copyOf(all);
    }

    private static Map<String, List<String>> fonts() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        String tt = "usr/share/fonts/truetype/";
        String ot = "usr/share/fonts/opentype/";
        f.put("fonts-dejavu-core", paths(tt + "dejavu/", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf",
                "DejaVuSerif-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"));
        f.put("fonts-liberation", paths(tt + "liberation/", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                "LiberationSans-Italic.ttf", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"));
        f.put("fonts-freefont-ttf", paths(tt + "freefont/", "FreeSans.ttf", "FreeSansBold.ttf", "FreeSerif.ttf", "FreeSerifBold.ttf",
                "FreeSerifItalic.ttf", "FreeMono.ttf", "FreeMonoBold.ttf"));
        f.put("fonts-urw-base35", paths(ot + "urw-base35/", "C059-Roman.otf", "C059-Bold.otf", "NimbusSans-Regular.otf",
                "NimbusSans-Bold.otf", "NimbusRoman-Regular.otf", "NimbusRoman-Italic.otf", "NimbusMonoPS-Regular.otf", "P052-Roman.otf",
                "URWBookman-Light.otf", "URWGothic-Book.otf", "URWGothic-Demi.otf", "Z003-MediumItalic.otf"));
        f.put("fonts-comic-neue", paths(ot + "comic-neue/", "ComicNeue-Regular.otf", "ComicNeue-Bold.otf", "ComicNeue-Italic.otf"));
        f.put("fonts-cantarell", paths(ot + "cantarell/", "Cantarell-Regular.otf", "Cantarell-Bold.otf"));
        f.put("fonts-crosextra-carlito", paths(tt + "crosextra/", "Carlito-Regular.ttf", "Carlito-Bold.ttf"));
        f.put("fonts-crosextra-caladea", paths(tt + "crosextra/", "Caladea-Regular.ttf", "Caladea-Bold.ttf"));
        f.put("fonts-lato", paths(tt + "lato/", "Lato-Light.ttf", "Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Black.ttf"));
        f.put("fonts-open-sans", paths(tt + "open-sans/", "OpenSans-Light.ttf", "OpenSans-Regular.ttf", "OpenSans-Bold.ttf",
                "OpenSans-ExtraBold.ttf", "OpenSans-Italic.ttf", "OpenSans-CondBold.ttf", "OpenSans-Semibold.ttf"));
        return f;
    }

    private static List<String> paths(String dir, String... names) {
        List<String> p = new ArrayList<>();
        for (String n : names) {
            p.add(dir + n);
        }
        return p;
    }
}
