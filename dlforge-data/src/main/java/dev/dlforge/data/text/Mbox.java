package dev.dlforge.data.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an mbox file (mboxrd flavour) into raw messages. A message starts at a line beginning
 * {@code "From "} that opens the file or follows an empty line; that separator line is dropped.
 * Inside a message, a line {@code ">From ..."} (one or more {@code >}) is unescaped by one
 * {@code >}, so a body line that starts with "From " survives the round trip. Text before the
 * first separator is a preamble and is not a message. Line endings are kept as they are.
 */
public final class Mbox {
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private Mbox() {}

    /** The messages of {@code mbox}, in file order, each without its separator line. */
    public static List<byte[]> split(byte[] mbox) {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream current = null;
        boolean previousBlank = true;
        int start = 0;
        while (start < mbox.length) {
            int end = start;
            while (end < mbox.length && mbox[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, mbox.length); // the line is [start, next), its '\n' included
            boolean blank = isBlank(mbox, start, end);
            if (previousBlank && startsWith(mbox, start, end, 0)) {
                if (current != null) {
                    messages.add(withoutTrailingBlankLine(current.toByteArray()));
                }
                current = new ByteArrayOutputStream();
            } else if (current != null) {
                int quotes = 0;
                while (start + quotes < end && mbox[start + quotes] == '>') {
                    quotes++;
                }
                int from = quotes > 0 && startsWith(mbox, start, end, quotes) ? start + 1 : start;
                current.write(mbox, from, next - from);
            }
            previousBlank = blank;
            start = next;
        }
        if (current != null) {
            messages.add(withoutTrailingBlankLine(current.toByteArray()));
        }
        return messages;
    }

    private static boolean startsWith(byte[] b, int start, int end, int offset) {
        if (end - start - offset < FROM.length) {
            return false;
        }
        for (int i = 0; i < FROM.length; i++) {
            if (b[start + offset + i] != FROM[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] b, int start, int end) {
        return end == start || (end - start == 1 && b[start] == '\r');
    }

    /** The empty line that separates a message from the next belongs to the file, not the message. */
    private static byte[] withoutTrailingBlankLine(byte[] m) {
        int n = m.length;
        if (n >= 2 && m[n - 1] == '\n' && m[n - 2] == '\n') {
            n--;
        } else if (n >= 4 && m[n - 1] == '\n' && m[n - 2] == '\r' && m[n - 3] == '\n') {
            n -= 2;
        }
        return java.util.Arrays.copyOf(m, n);
    }
}
