package dev.dlforge.data.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of unknown provenance to clean text: UTF-8 when the bytes are valid UTF-8, otherwise
 * windows-1252 (which maps every byte, so any file decodes); a byte-order mark is dropped, line
 * ends become {@code \n}, and control characters other than tab and newline (NUL, escape codes,
 * binary junk) are removed. Lines longer than {@link #MAX_LINE_CHARS} are cut there. Each repair
 * is counted in the given {@link TextWarnings}.
 */
public final class PlainText {
    /** Longer lines are not prose; 100k characters is about 40 printed pages. */
    public static final int MAX_LINE_CHARS = 100_000;

    private PlainText() {}

    public static String decode(byte[] bytes, TextWarnings warnings) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, Charset.forName("windows-1252"));
            warnings.count("files not valid UTF-8, read as windows-1252", 1);
        }
        return clean(text, warnings);
    }

    /** Normalises line ends, drops control characters and cuts over-long lines. */
    public static String clean(String text, TextWarnings warnings) {
        StringBuilder out = new StringBuilder(text.length());
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        long controls = 0;
        long truncated = 0;
        int lineLength = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n') {
                out.append('\n');
                lineLength = 0;
                continue;
            }
            if (Character.isISOControl(c) && c != '\t') {
                controls++;
                continue;
            }
            if (lineLength == MAX_LINE_CHARS) {
                truncated++;
                if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1); // never leave half a code point
                }
            }
            if (lineLength++ >= MAX_LINE_CHARS) {
                continue;
            }
            out.append(c);
        }
        warnings.count("control characters removed", controls);
        warnings.count("lines over " + MAX_LINE_CHARS + " characters truncated", truncated);
        return out.toString();
    }
}
