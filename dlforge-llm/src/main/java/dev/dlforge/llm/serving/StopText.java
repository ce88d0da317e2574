package dev.dlforge.llm.serving;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of a generation as its tokens arrive, released only when it is final: the bytes of a character cut between
 * tokens wait for the rest, and text that may be the start of a stop text waits until it is not. When a stop text
 * appears, the text before it is the last released; so nothing at or after a stop text ever reaches the client.
 *
 * <p>The scheduler's own until helper E2's {@code StopMatcher} is merged.
 */
final class StopText {
    private final List<String> stops;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int released;
    private boolean stopped;

    StopText(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Adds a token's bytes and returns the text now final (maybe ""); after a stop text, {@link #stopped()} is true. */
    String add(byte[] tokenBytes) {
        bytes.writeBytes(tokenBytes);
        String text = completeCharacters(bytes.toByteArray());
        int cut = firstStop(text);
        if (cut >= 0) {
            stopped = true;
            return release(text, cut);
        }
        return release(text, text.length() - heldBack(text));
    }

    /** The text withheld so far, at the end of the generation (no stop text can complete any more). */
    String flush() {
        if (stopped) {
            return "";
        }
        String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        return release(text, text.length());
    }

    boolean stopped() {
        return stopped;
    }

    private String release(String text, int upTo) {
        if (upTo <= released) {
            return "";
        }
        String out = text.substring(released, upTo);
        released = upTo;
        return out;
    }

    /** Where the first stop text begins, or -1; only text not yet released can hold one. */
    private int firstStop(String text) {
        int first = -1;
        for (String s : stops) {
            int at = text.indexOf(s, Math.max(0, released - s.length() + 1));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** Length of the longest end of {@code text} that begins some stop text. */
    private int heldBack(String text) {
        int held = 0;
        for (String s : stops) {
            for (int n = Math.min(s.length() - 1, text.length()); n > held; n--) {
                if (text.endsWith(s.substring(0, n))) {
                    held = n;
                    break;
                }
            }
        }
        return held;
    }

    /** The text of the longest prefix of {@code b} that ends on a character boundary (bad bytes become U+FFFD). */
    private static String completeCharacters(byte[] b) {
        int end = b.length;
        // back over at most 3 bytes of a character whose lead byte announces more than follow
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int lead = b[b.length - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue; // a continuation byte
            }
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (need > back) {
                end = b.length - back;
            }
            break;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(b, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
