package dev.dlforge.data.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
