package dev.dlforge.llm.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the little-endian header of a GGUF file through a small buffer, never past the file's end: every read first
 * checks that the bytes exist, and every count is checked against the bytes left before anything is allocated.
 */
final class GgufCursor {
    private static final int CHUNK = 1 << 16;
    /** Longest metadata string read: its bytes are allocated before they are read. */
    static final int MAX_STRING_BYTES = 1 << 28;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private long bufferStart;

    GgufCursor(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        buffer.limit(0);
    }

    long position() {
        return bufferStart + buffer.position();
    }

    long remaining() {
        return size - position();
    }

    long size() {
        return size;
    }

    private ByteBuffer need(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return buffer;
        }
        if (remaining() < bytes) {
            throw new GgufFormatException("the file ends at byte " + size + ", inside a value that needs " + bytes
                    + " bytes at byte " + position() + " (truncated file?)");
        }
        long start = position();
        buffer.compact();
        bufferStart = start; // the kept bytes now start the buffer
        while (buffer.position() < bytes) {
            if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                throw new GgufFormatException("the file ends early at byte " + (bufferStart + buffer.position()));
            }
        }
        buffer.flip();
        return buffer;
    }

    int u8() throws IOException {
        return need(1).get() & 0xFF;
    }

    int u16() throws IOException {
        return need(2).getShort() & 0xFFFF;
    }

    int i32() throws IOException {
        return need(4).getInt();
    }

    long u32() throws IOException {
        return need(4).getInt() & 0xFFFFFFFFL;
    }

    long i64() throws IOException {
        return need(8).getLong();
    }

    /** A u64 count that must fit the bytes left, {@code minBytesEach} per element. */
    long count(String what, int minBytesEach) throws IOException {
        long at = position();
        long n = i64();
        if (n < 0 || (minBytesEach > 0 && n > remaining() / minBytesEach)) {
            throw new GgufFormatException(what + " " + Long.toUnsignedString(n) + " at byte " + at + " cannot fit in the "
                    + remaining() + " bytes left (corrupt file?)");
        }
        return n;
    }

    String string() throws IOException {
        long at = position();
        long length = count("string length", 1);
        if (length > MAX_STRING_BYTES) {
            throw new GgufFormatException("string of " + length + " bytes at byte " + at + " is longer than the " + MAX_STRING_BYTES
                    + " dlforge reads (an embedded tokenizer.json is a few MB: corrupt file?)");
        }
        byte[] bytes = new byte[(int) length];
        int done = 0;
        while (done < bytes.length) {
            ByteBuffer b = need(Math.min(CHUNK, bytes.length - done));
            int n = Math.min(b.remaining(), bytes.length - done);
            b.get(bytes, done, n);
            done += n;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GgufFormatException("string at byte " + at + " is not valid UTF-8");
        }
    }

    void skipTo(long offset) throws IOException {
        if (offset > size) {
            throw new GgufFormatException("the data section would start at byte " + offset + ", past the end of the " + size + "-byte file");
        }
        bufferStart = offset;
        buffer.clear().limit(0);
    }
}
