package dev.dlforge.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text file of any encoding and size as cleaned text: never more than a capped prefix is read. */
public final class TextFiles {
    private TextFiles() {}

    /**
     * The file's text, decoded ({@link TextDecoder}) and cleaned ({@link TextCleaner}); a file
     * longer than the byte budget (4 bytes per allowed character) is read only that far and counted
     * as truncated.
     */
    public static String read(Path file, TextLimits limits, TextRepairs repairs) throws IOException {
        byte[] bytes = readPrefix(file, 4L * limits.maxChars(), repairs);
        return new TextCleaner(limits).clean(TextDecoder.decode(bytes, repairs), repairs);
    }

    /**
     * At most {@code maxBytes} bytes of the file, counting a cut in {@code repairs}; a cut never
     * splits a UTF-8 character (it backs up to the character's first byte), so valid UTF-8 stays valid.
     */
    public static byte[] readPrefix(Path file, long maxBytes, TextRepairs repairs) throws IOException {
        int max = (int) Math.min(Integer.MAX_VALUE - 9, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length <= max) {
                return bytes;
            }
            repairs.add(TextRepairs.TRUNCATED);
            int end = max;
            for (int back = 0; back < 3 && end > 0 && (bytes[end] & 0xC0) == 0x80; back++) {
                end--; // bytes[end] continues a character: cut before that character starts
            }
            return java.util.Arrays.copyOf(bytes, end);
        }
    }
}
