package dev.dlforge.data.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an mbox file (mboxrd) into its messages. A message starts at a separator line
 * {@code From <sender> <date>} at the start of the file or after an empty line; inside a message a
 * line {@code >From ...} (one or more {@code >}) loses one {@code >}, which undoes the quoting mboxrd
 * applies to body lines starting with "From ". Lines starting with {@code #} before the first
 * separator are a note about the file and are skipped. Each message keeps its separator line
 * ({@link MailReader} skips it); line ends stay as written.
 */
public final class Mbox {
    private Mbox() {}

    public static List<byte[]> split(byte[] mbox) {
        String text = new String(mbox, StandardCharsets.ISO_8859_1); // byte-preserving: one char per byte
        List<byte[]> messages = new ArrayList<>();
        StringBuilder current = null;
        boolean previousEmpty = true;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            String line = text.substring(start, end);
            start = end;
            String bare = line.strip();
            if (line.startsWith("From ") && previousEmpty) {
                if (current != null) {
                    messages.add(withoutTrailingEmptyLine(current));
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append(line.matches(">+From [\\s\\S]*") ? line.substring(1) : line);
            } else if (!bare.isEmpty() && !bare.startsWith("#")) {
                throw new IllegalArgumentException("not an mbox file: text before the first 'From ' line: " + bare);
            }
            previousEmpty = bare.isEmpty() || current == null;
        }
        if (current != null) {
            messages.add(withoutTrailingEmptyLine(current));
        }
        return messages;
    }

    /** The empty line before the next separator belongs to the file's format, not to the message. */
    private static byte[] withoutTrailingEmptyLine(StringBuilder message) {
        String s = message.toString();
        if (s.endsWith("\r\n\r\n")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("\n\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
