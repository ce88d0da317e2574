package dev.dlforge.data.docs;

import java.util.Optional;

/**
 * Tells binary data from text by its first {@value #SAMPLE_BYTES} bytes, as {@code git} and
 * {@code file} do: text has no NUL bytes (unless it is UTF-16 with a byte-order mark) and few
 * control characters other than tab, line feed, carriage return, form feed and escape. More than
 * {@value #MAX_CONTROL_PERCENT}% of them means binary.
 */
final class BinaryContent {
    static final int SAMPLE_BYTES = 8192;
    static final int MAX_CONTROL_PERCENT = 5;

    private BinaryContent() {}

    /** Why {@code bytes} look binary, or empty when they look like text. */
    static Optional<String> why(byte[] bytes) {
        int n = Math.min(bytes.length, SAMPLE_BYTES);
        if (n >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return Optional.empty(); // UTF-16 text: NUL bytes are half of every ASCII character
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return Optional.of("NUL byte at offset " + i);
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B || b == 0x7F) {
                controls++;
            }
        }
        if (n > 0 && controls * 100L > MAX_CONTROL_PERCENT * (long) n) {
            return Optional.of(String.format(java.util.Locale.ROOT, "%.0f%% control characters in the first %,d bytes", 100.0 * controls / n, n));
        }
        return Optional.empty();
    }
}
