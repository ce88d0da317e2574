package dev.dlforge.llm.serving;

import dev.dlforge.llm.tokenizer.Tokenizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One token per UTF-8 byte (ids 0-255) and an end-of-text token (256): the tokenizer of {@link BigramModel}. */
public final class ByteTokenizer implements Tokenizer {
    public static final int EOS = 256;

    @Override
    public int[] encode(String text, boolean addBos, boolean parseSpecial) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            ids[i] = b[i] & 0xFF;
        }
        return ids;
    }

    @Override
    public byte[] tokenBytes(int id) {
        return id < 256 ? new byte[] {(byte) id} : new byte[0];
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            out.writeBytes(tokenBytes(id));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabularySize() {
        return 257;
    }

    @Override
    public int bos() {
        return -1;
    }

    @Override
    public int eos() {
        return EOS;
    }

    @Override
    public boolean endsGeneration(int id) {
        return id == EOS;
    }
}
