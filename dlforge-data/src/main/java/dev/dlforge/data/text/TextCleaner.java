package dev.dlforge.data.text;

/**
 * Makes decoded text safe to tokenise: removes NUL and other control characters (keeping tabs and
 * line breaks; {@code \r\n} and lone {@code \r} become {@code \n}), cuts each line to
 * {@link TextLimits#maxLineChars()} and the whole to {@link TextLimits#maxChars()}, counting each
 * kind of repair once per text.
 */
public final class TextCleaner {
    private final TextLimits limits;

    public TextCleaner(TextLimits limits) {
        this.limits = limits;
    }

    public String clean(String text, TextRepairs repairs) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limits.maxChars()));
        boolean controls = false;
        boolean longLine = false;
        boolean truncated = false;
        int lineLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue; // the \n that follows ends the line
                }
                c = '\n';
            }
            if (c != '\n' && c != '\t' && (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF')) {
                controls = true;
                continue;
            }
            if (out.length() >= limits.maxChars()) {
                truncated = true;
                break;
            }
            if (c == '\n') {
                lineLength = 0;
            } else if (++lineLength > limits.maxLineChars()) {
                longLine = true;
                continue;
            }
            out.append(c);
        }
        if (controls) {
            repairs.add(TextRepairs.CONTROL_CHARS);
        }
        if (longLine) {
            repairs.add(TextRepairs.LONG_LINES);
        }
        if (truncated) {
            repairs.add(TextRepairs.TRUNCATED);
        }
        return out.toString();
    }
}
