package dev.dlforge.llm.tokenizer;

import java.io.ByteArrayOutputStream;

/**
 * GPT-2's reversible byte ↔ unicode mapping (openai/gpt-2 encoder.py {@code bytes_to_unicode}): the printable bytes
 * {@code !}..{@code ~}, {@code ¡}..{@code ¬} and {@code ®}..{@code ÿ} stand for themselves, the other 68 bytes (controls,
 * space, 0x7F-0xA0, 0xAD) are moved to U+0100 onwards in byte order, so that every byte string is a printable string and
 * a byte-level BPE vocabulary can be stored as text. A space is {@code Ġ} (U+0120), a newline {@code Ċ} (U+010A).
 */
public final class ByteUnicode {
    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final int[] CHAR_TO_BYTE = new int[512];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE;
            char c = (char) (printable ? b : next++);
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = b;
        }
    }

    private ByteUnicode() { }

    /** The character byte {@code b} (0-255) stands as. */
    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** {@code bytes} as mapped text. */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            sb.append(BYTE_TO_CHAR[b & 0xFF]);
        }
        return sb.toString();
    }

    /** The bytes of mapped text, or null when a character of it is not one of the 256 (llama.cpp writes it as [UNK_BYTE_...]). */
    public static byte[] decode(String mapped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(mapped.length());
        for (int i = 0; i < mapped.length(); i++) {
            char c = mapped.charAt(i);
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) {
                return null;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
