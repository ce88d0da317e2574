package dev.dlforge.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decodes text bytes of unknown encoding: strict UTF-8 first, else windows-1252 (which maps every
 * byte, so this never fails), counting the fallback. Also caps length, so one 10 MB line cannot
 * swamp a batch.
 */
public final class LenientText {
    public static final String NOT_UTF8 = "not valid UTF-8, read as windows-1252";
    public static final String TRUNCATED = "longer than the limit, truncated";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private LenientText() {}

    public static String decode(byte[] bytes, ReadWarnings warnings) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            warnings.add(NOT_UTF8);
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * A file's text, at most {@code maxChars} characters, reading no more than needed for them (a 10 MB
     * file costs what a small one does). A cut is counted as {@link #TRUNCATED}.
     */
    public static String read(Path file, int maxChars, ReadWarnings warnings) throws IOException {
        int cap = maxChars * 4; // UTF-8 needs at most 4 bytes a character
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(cap + 1);
        }
        if (bytes.length <= cap) {
            return truncate(decode(bytes, warnings), maxChars, warnings);
        }
        int end = cap;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // back to the start of the character the cap split, so UTF-8 stays valid
        }
        String text = decode(Arrays.copyOf(bytes, end), warnings);
        warnings.add(TRUNCATED);
        return text.length() <= maxChars ? text : text.substring(0, Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
    }

    /** {@code text} cut to at most {@code maxChars} characters (never inside a surrogate pair). */
    public static String truncate(String text, int maxChars, ReadWarnings warnings) {
        if (text.length() <= maxChars) {
            return text;
        }
        warnings.add(TRUNCATED);
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    /** True when the text holds NUL or other control characters beyond tab and line breaks: binary junk. */
    public static boolean looksBinary(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return true;
            }
        }
        return false;
    }
}
