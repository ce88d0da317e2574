package dev.dlforge.data.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of unknown encoding to text: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else bytes
 * that are valid UTF-8 are UTF-8; else windows-1252, which maps every byte to some character, so
 * decoding never fails. (Valid UTF-8 of any length is rarely anything else; legacy Western text
 * is mostly windows-1252 or its subset ISO-8859-1.)
 */
public final class TextDecoder {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {}

    /** Decodes {@code bytes}, counting a windows-1252 fallback in {@code repairs}. */
    public static String decode(byte[] bytes, TextRepairs repairs) {
        return decode(bytes, 0, bytes.length, repairs);
    }

    public static String decode(byte[] bytes, int offset, int length, TextRepairs repairs) {
        if (startsWith(bytes, offset, length, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, offset + 3, length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, offset, length, 0xFF, 0xFE)) {
            return new String(bytes, offset + 2, length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, offset, length, 0xFE, 0xFF)) {
            return new String(bytes, offset + 2, length - 2, StandardCharsets.UTF_16BE);
        }
        String utf8 = strict(bytes, offset, length, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        repairs.add(TextRepairs.WINDOWS_1252);
        return new String(bytes, offset, length, WINDOWS_1252);
    }

    /**
     * Decodes with a declared charset (e.g. a MIME part's); when the name is unknown or the bytes
     * are not valid in it, falls back to {@link #decode}.
     */
    public static String decode(byte[] bytes, String declaredCharset, TextRepairs repairs) {
        Charset charset = charset(declaredCharset);
        if (charset != null) {
            String text = strict(bytes, 0, bytes.length, charset);
            if (text != null) {
                return text;
            }
        }
        return decode(bytes, repairs);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.isSupported(name.strip()) ? Charset.forName(name.strip()) : null;
        } catch (IllegalArgumentException e) {
            return null; // an illegal charset name, e.g. with spaces
        }
    }

    /** The text when the bytes are valid in {@code charset}, else null. */
    private static String strict(byte[] bytes, int offset, int length, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[offset + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
