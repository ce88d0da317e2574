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

    /** At most {@code maxBytes} bytes of the file, counting a cut in {@code repairs}. */
    public static byte[] readPrefix(Path file, long maxBytes, TextRepairs repairs) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            if (in.read() >= 0) {
                repairs.add(TextRepairs.TRUNCATED);
            }
            return bytes;
        }
    }
}
