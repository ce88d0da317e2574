package dev.dlforge.models.lm;

import java.util.List;
import java.util.function.Consumer;

/**
 * The generated text as it grows, emitting only what is settled: nothing after the first stop string,
 * no trailing U+FFFD (an incomplete UTF-8 character), and no tail that could still become a stop string.
 */
final class StreamedText {
    private final List<String> stop;
    private final Consumer<String> consumer;
    private final StringBuilder emitted = new StringBuilder();
    private String latest = "";
    private long consumerNanos;

    StreamedText(List<String> stop, Consumer<String> consumer) {
        this.stop = stop;
        this.consumer = consumer;
    }

    /**
     * Takes the decode of everything generated so far and emits what became settled.
     *
     * @return whether {@code decoded} contains a stop string; the text before it has then been emitted
     */
    boolean update(String decoded) {
        latest = decoded;
        int stopAt = firstStop(decoded);
        if (stopAt >= 0) {
            emitUpTo(stopAt);
            return true;
        }
        int settled = decoded.length();
        while (settled > 0 && decoded.charAt(settled - 1) == '\uFFFD') {
            settled--;
        }
        emitUpTo(settled - longestStopPrefixSuffix(decoded, settled));
        return false;
    }

    /** Emits whatever was held back: generation ended without a stop string. */
    void flush() {
        emitUpTo(latest.length());
    }

    String emitted() {
        return emitted.toString();
    }

    long consumerNanos() {
        return consumerNanos;
    }

    private void emitUpTo(int end) {
        if (end > emitted.length()) {
            String chunk = latest.substring(emitted.length(), end);
            emitted.append(chunk);
            long t = System.nanoTime();
            consumer.accept(chunk);
            consumerNanos += System.nanoTime() - t;
        }
    }

    private int firstStop(String text) {
        int first = -1;
        // an occurrence cannot start inside text already emitted: its start would have been held back
        int from = Math.max(0, emitted.length());
        for (String s : stop) {
            int at = text.indexOf(s, from);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** Length of the longest suffix of {@code text[0..end)} that is a proper prefix of some stop string. */
    private int longestStopPrefixSuffix(String text, int end) {
        int longest = 0;
        for (String s : stop) {
            for (int len = Math.min(s.length() - 1, end); len > longest; len--) {
                if (text.regionMatches(end - len, s, 0, len)) {
                    longest = len;
                    break;
                }
            }
        }
        return longest;
    }
}
