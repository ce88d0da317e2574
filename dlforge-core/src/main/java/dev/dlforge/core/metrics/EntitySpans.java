package dev.dlforge.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Entity spans in a sequence of IOB tags, as CoNLL's {@code conlleval} reads them. A tag is
 * {@code O}, {@code B-TYPE} or {@code I-TYPE}. A span starts at {@code B-X}, or at {@code I-X}
 * whose predecessor is not of type X (IOB1, and the model's own stray {@code I-}); it continues
 * through the following {@code I-X} tags. So IOB1 and IOB2 spellings of the same spans give the
 * same spans.
 */
public final class EntitySpans {

    /** Tokens [start, end) of one entity of {@code type}. */
    public record Span(String type, int start, int end) {}

    private EntitySpans() {}

    public static List<Span> of(List<String> tags) {
        List<Span> spans = new ArrayList<>();
        String type = null;
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String prefix = prefix(tag);
            String t = type(tag);
            boolean continues = type != null && prefix.equals("I") && t.equals(type);
            if (!continues) {
                if (type != null) {
                    spans.add(new Span(type, start, i));
                }
                type = prefix.equals("B") || prefix.equals("I") ? t : null;
                start = i;
            }
        }
        return spans;
    }

    /** The same spans spelled in IOB2: every span starts with {@code B-}. */
    public static List<String> toIob2(List<String> tags) {
        List<String> out = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            out.add(tags.get(i).equals("O") || !tags.get(i).contains("-") ? "O" : "I-" + type(tags.get(i)));
        }
        for (Span s : of(tags)) {
            out.set(s.start(), "B-" + s.type());
        }
        return out;
    }

    /** True for {@code O}, {@code B-X} and {@code I-X} with a non-empty type. */
    public static boolean isIobTag(String tag) {
        return tag.equals("O") || (tag.length() > 2 && (tag.startsWith("B-") || tag.startsWith("I-")));
    }

    private static String prefix(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? "O" : tag.substring(0, dash);
    }

    private static String type(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? "" : tag.substring(dash + 1);
    }
}
