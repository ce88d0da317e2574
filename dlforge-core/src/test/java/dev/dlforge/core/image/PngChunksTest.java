package dev.dlforge.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Java's PNG reader ignores chunk CRCs; dlforge checks the chunks before decoding. */
class PngChunksTest {
    private static final int IDAT = 8 + 25; // after the signature and IHDR

    /** 16x8 grey, pixel (x, y) = 10 y + x, stored uncompressed so that a changed byte changes a pixel. */
    private static byte[] storedPng() {
        byte[] pixels = new byte[16 * 8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (10 * (i / 16) + i % 16);
        }
        return PngBytes.stored(16, 8, pixels);
    }

    @Test
    void aValidPngPassesAndGivesItsHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(5, 3, BufferedImage.TYPE_INT_ARGB), "png", out);
        assertThat(PngChunks.check(out.toByteArray(), "ok.png")).isEqualTo(new PngChunks.Header(5, 3, 8, 6, false));
        assertThat(ImageFiles.decode(storedPng(), "ok.png").getRaster().getSample(3, 2, 0)).isEqualTo(23);
    }

    @Test
    void aFlippedPaletteByteIsRefusedForItsBadCrcInsteadOfDecodingToOtherColours() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED);
        image.setRGB(1, 1, 0xFF2060A0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        int plte = indexOf(png, "PLTE") - 4;
        png[plte + 8 + 3 * 5] ^= 0x7F; // the red of palette entry 5: only the chunk's CRC covers it, not zlib's adler32

        assertThatThrownBy(() -> ImageFiles.decode(png, "photo.png")).isInstanceOf(DlforgeException.class)
                .hasMessage("image photo.png is corrupt: PNG chunk PLTE at byte " + plte + " has a bad CRC")
                .extracting(e -> ((DlforgeException) e).hint()).isEqualTo("re-export it");
    }

    @Test
    void aFlippedPixelByteIsRefusedNamingTheChunkAndItsOffset() {
        byte[] png = storedPng();
        int lastPixel = png.length - 12 - 4 - 4 - 1; // before IDAT's adler32 and CRC, and IEND
        png[lastPixel] ^= 0x40;

        assertThatThrownBy(() -> ImageFiles.decode(png, "photo.png"))
                .hasMessage("image photo.png is corrupt: PNG chunk IDAT at byte " + IDAT + " has a bad CRC");
    }

    @Test
    void aDamagedCrcFieldIsRefused() {
        byte[] png = storedPng();
        png[png.length - 12 - 1] ^= 1; // the last byte of IDAT's CRC
        assertThatThrownBy(() -> ImageFiles.decode(png, "photo.png")).hasMessageContaining("PNG chunk IDAT at byte " + IDAT + " has a bad CRC");
    }

    @Test
    void aChunkLengthPastTheEndOfTheFileIsRefused() {
        byte[] png = storedPng();
        ByteBuffer.wrap(png, IDAT, 4).putInt(1 << 30);
        assertThatThrownBy(() -> ImageFiles.decode(png, "photo.png"))
                .hasMessage("image photo.png is corrupt or truncated: PNG chunk IDAT at byte " + IDAT + " claims 1073741824 bytes, past the end of the file ("
                        + png.length + " bytes)");
        ByteBuffer.wrap(png, IDAT, 4).putInt(-1); // 4 GB, over the 2^31 - 1 the spec allows
        assertThatThrownBy(() -> ImageFiles.decode(png, "photo.png")).hasMessageContaining("claims 4294967295 bytes");
    }

    @Test
    void aMissingIendIsRefused() {
        byte[] png = storedPng();
        byte[] cut = Arrays.copyOf(png, png.length - 12);
        assertThatThrownBy(() -> ImageFiles.decode(cut, "cut.png"))
                .hasMessage("image cut.png is corrupt or truncated: the file ends at byte " + cut.length + " without an IEND chunk");
        assertThatThrownBy(() -> ImageFiles.decode(Arrays.copyOf(png, png.length - 5), "cut.png"))
                .hasMessageContaining("ends inside a chunk header");
    }

    @Test
    void aPngWhoseFirstChunkIsNotIhdrIsRefused() {
        byte[] png = storedPng();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 8);
        PngBytes.chunk(out, "tEXt", "Comment\0first".getBytes(StandardCharsets.ISO_8859_1));
        out.write(png, 8, png.length - 8);
        assertThatThrownBy(() -> ImageFiles.decode(out.toByteArray(), "odd.png")).hasMessage("image odd.png is corrupt: the first chunk is tEXt, not IHDR");
    }

    @Test
    void aChunkTypeThatIsNotFourLettersIsRefused() {
        byte[] png = storedPng();
        png[IDAT + 5] = '#';
        assertThatThrownBy(() -> ImageFiles.decode(png, "photo.png")).hasMessageContaining("the chunk at byte " + IDAT + " has no valid type");
    }

    @Test
    void bytesAfterIendAreIgnoredAsEveryDecoderDoes() {
        byte[] png = storedPng();
        byte[] trailing = Arrays.copyOf(png, png.length + 7);
        assertThat(ImageFiles.decode(trailing, "trailing.png").getWidth()).isEqualTo(16);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }
}
