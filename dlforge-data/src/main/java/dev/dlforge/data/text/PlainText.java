package dev.dlforge.data.text;

/**
 * Running prose (a book, a corpus file) of unknown encoding to clean text: {@link TextDecoder} then
 * {@link TextCleaner} with no cap on the whole and lines cut at {@link #MAX_LINE_CHARS}, each repair
 * counted in the given {@link TextRepairs}. E-mails and reviews use {@link TextFiles} with tighter
 * {@link TextLimits}; a book is long by nature, but no line of prose is 100k characters.
 */
public final class PlainText {
    /** Longer lines are not prose; 100k characters is about 40 printed pages. */
    public static final int MAX_LINE_CHARS = 100_000;
    private static final TextCleaner CLEANER = new TextCleaner(new TextLimits(Integer.MAX_VALUE, MAX_LINE_CHARS));

    private PlainText() {}

    public static String decode(byte[] bytes, TextRepairs repairs) {
        return clean(TextDecoder.decode(bytes, repairs), repairs);
    }

    /** Normalises line ends, drops control characters and cuts over-long lines. */
    public static String clean(String text, TextRepairs repairs) {
        return CLEANER.clean(text, repairs);
    }
}
