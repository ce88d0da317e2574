package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    @Test
    void validUtf8IsReadAsUtf8WithoutARepair() {
        TextRepairs repairs = new TextRepairs();
        assertThat(TextDecoder.decode("naïve café ✓".getBytes(StandardCharsets.UTF_8), repairs)).isEqualTo("naïve café ✓");
        assertThat(repairs.isEmpty()).isTrue();
    }

    @Test
    void invalidUtf8FallsBackToWindows1252AndIsCounted() {
        TextRepairs repairs = new TextRepairs();
        byte[] latin = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '5'}; // "café €5" in windows-1252
        assertThat(TextDecoder.decode(latin, repairs)).isEqualTo("café €5");
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void byteOrderMarksDecide() {
        TextRepairs repairs = new TextRepairs();
        assertThat(TextDecoder.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'}, repairs)).isEqualTo("hi");
        assertThat(TextDecoder.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0}, repairs)).isEqualTo("hi");
        assertThat(TextDecoder.decode(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'}, repairs)).isEqualTo("hi");
    }

    @Test
    void aWrongDeclaredCharsetFallsBackToTheGuess() {
        TextRepairs repairs = new TextRepairs();
        byte[] utf8 = "Grüße".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(utf8, "us-ascii", repairs)).isEqualTo("Grüße");
        assertThat(TextDecoder.decode(utf8, "no-such charset", repairs)).isEqualTo("Grüße");
        assertThat(TextDecoder.decode("Grüße".getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1", repairs)).isEqualTo("Grüße");
    }

    @Test
    void cleanerRemovesControlCharactersAndCutsLongLinesAndTexts() {
        TextRepairs repairs = new TextRepairs();
        TextCleaner cleaner = new TextCleaner(new TextLimits(50, 10));
        assertThat(cleaner.clean("a\u0000b\u0007c\r\nd\re\tf", repairs)).isEqualTo("abc\nd\ne\tf");
        assertThat(cleaner.clean("x".repeat(1_000) + "\nshort", repairs)).isEqualTo("x".repeat(10) + "\nshort");
        assertThat(cleaner.clean("y\n".repeat(100), repairs)).hasSize(50);
        assertThat(repairs.count(TextRepairs.CONTROL_CHARS)).isEqualTo(1);
        assertThat(repairs.count(TextRepairs.LONG_LINES)).isEqualTo(1);
        assertThat(repairs.count(TextRepairs.TRUNCATED)).isEqualTo(1);
        assertThat(repairs.summary()).contains("1 truncated");
    }
}
