package dev.dlforge.data.text;

/**
 * Caps that keep one bad input from costing memory or time: a text's total length and each line's
 * length, in characters. A 10 MB line becomes {@code maxLineChars} characters and a counted repair.
 */
public record TextLimits(int maxChars, int maxLineChars) {
    /** 200,000 characters (a long e-mail) and 10,000 per line. */
    public static final TextLimits DEFAULT = new TextLimits(200_000, 10_000);

    public TextLimits {
        if (maxChars < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxChars + ", " + maxLineChars);
        }
    }
}
