package dev.dlforge.llm.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a stream of token pieces (UTF-8 bytes that may end inside a character) into text safe to send, and never lets
 * any of a stop string's text out: text that could still be the start of a stop string is held back until the next
 * piece settles it, and once a stop string is complete everything from its first character on is dropped.
 *
 * <p>Held back are: the bytes of a character not yet complete, and the longest end of the decoded text that is the start
 * of some stop string. Everything before that can no longer be part of a match (a match starting earlier would make a
 * longer end of the text the start of a stop string), so it is released.
 */
public final class StopMatcher {
    private final List<String> stops;
    private final ByteArrayOutputStream partialChar = new ByteArrayOutputStream(4);
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    /** @param stops the stop strings; empty ones are ignored */
    public StopMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Takes the next token's bytes; returns the text that may now be sent (often "", never a stop string's text). */
    public String accept(byte[] piece) {
        if (stopped) {
            return "";
        }
        partialChar.writeBytes(piece);
        byte[] bytes = partialChar.toByteArray();
        int complete = bytes.length - incompleteTail(bytes);
        held.append(new String(bytes, 0, complete, StandardCharsets.UTF_8));
        partialChar.reset();
        partialChar.write(bytes, complete, bytes.length - complete);
        int at = firstStop();
        if (at >= 0) {
            stopped = true;
            String out = held.substring(0, at);
            held.setLength(0);
            partialChar.reset();
            return out;
        }
        int keep = longestStopPrefixAtEnd();
        String out = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return out;
    }

    /** True once a stop string was seen: generation should end, and nothing more is sent. */
    public boolean stopped() {
        return stopped;
    }

    /** When generation ends for another reason: what was held back (an unfinished character as U+FFFD). */
    public String flush() {
        if (stopped) {
            return "";
        }
        String out = held + new String(partialChar.toByteArray(), StandardCharsets.UTF_8);
        held.setLength(0);
        partialChar.reset();
        return out;
    }

    private int firstStop() {
        int first = -1;
        for (String s : stops) {
            int at = held.indexOf(s);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The length of the longest end of the held text that is a proper start of a stop string. */
    private int longestStopPrefixAtEnd() {
        int best = 0;
        String text = held.toString();
        for (String s : stops) {
            for (int len = Math.min(s.length() - 1, text.length()); len > best; len--) {
                if (text.regionMatches(text.length() - len, s, 0, len)) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }

    /** How many bytes at the end start a UTF-8 character that is not complete yet (0 when none, or when they are invalid). */
    static int incompleteTail(byte[] b) {
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int v = b[b.length - back] & 0xFF;
            if ((v & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for its lead
            }
            int need = v >= 0xF0 ? (v <= 0xF4 ? 4 : 1) : v >= 0xE0 ? 3 : v >= 0xC2 ? 2 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }
}
