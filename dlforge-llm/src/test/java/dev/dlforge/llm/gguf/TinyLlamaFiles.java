package dev.dlforge.llm.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A small Llama-shaped GGUF with random F32 weights and llama.cpp's tensor names (hidden 256, 2 layers, ffn 512,
 * vocabulary 64): enough for the quantiser's rules and for llama.cpp's GGUF reader, not a model that talks.
 */
final class TinyLlamaFiles {
    static final int HIDDEN = 256;
    static final int FFN = 512;
    static final int VOCAB = 64;
    static final int LAYERS = 2;

    private TinyLlamaFiles() {
    }

    static float[] weights(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((r.nextDouble() * 2 - 1) * 0.1);
        }
        return x;
    }

    private static ByteBuffer f32(float[] x) {
        ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            b.putFloat(v);
        }
        return b.flip();
    }

    /** The F32 values written for tensor {@code name} of {@code elements} values (seeded by the name). */
    static float[] values(String name, int elements) {
        return weights(name.hashCode(), elements);
    }

    static Path write(Path file, boolean tiedEmbeddings) throws IOException {
        GgufWriter w = new GgufWriter()
                .put("general.architecture", "llama")
                .put("general.name", "tiny")
                .put("general.file_type", GgufValue.ofUint32(0))
                .put("llama.block_count", GgufValue.ofUint32(LAYERS))
                .put("llama.context_length", GgufValue.ofUint32(128))
                .put("llama.embedding_length", GgufValue.ofUint32(HIDDEN))
                .put("llama.feed_forward_length", GgufValue.ofUint32(FFN))
                .put("llama.attention.head_count", GgufValue.ofUint32(4))
                .put("llama.attention.head_count_kv", GgufValue.ofUint32(4))
                .put("llama.attention.layer_norm_rms_epsilon", GgufValue.ofFloat32(1e-5f));
        tensor(w, "token_embd.weight", HIDDEN, VOCAB);
        for (int l = 0; l < LAYERS; l++) {
            tensor(w, "blk." + l + ".attn_norm.weight", HIDDEN);
            for (String p : new String[] {"attn_q", "attn_k", "attn_v", "attn_output"}) {
                tensor(w, "blk." + l + "." + p + ".weight", HIDDEN, HIDDEN);
            }
            tensor(w, "blk." + l + ".ffn_norm.weight", HIDDEN);
            tensor(w, "blk." + l + ".ffn_gate.weight", HIDDEN, FFN);
            tensor(w, "blk." + l + ".ffn_up.weight", HIDDEN, FFN);
            tensor(w, "blk." + l + ".ffn_down.weight", FFN, HIDDEN);
        }
        tensor(w, "output_norm.weight", HIDDEN);
        if (!tiedEmbeddings) {
            tensor(w, "output.weight", HIDDEN, VOCAB);
        }
        w.write(file);
        return file;
    }

    private static void tensor(GgufWriter w, String name, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        w.tensor(name, GgmlType.F32, shape, f32(values(name, (int) n)));
    }
}
