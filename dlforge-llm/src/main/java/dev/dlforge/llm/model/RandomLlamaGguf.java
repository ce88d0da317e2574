package dev.dlforge.llm.model;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufArray;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.gguf.GgufValueType;
import dev.dlforge.llm.gguf.GgufWriter;
import dev.dlforge.llm.tensor.RowCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a Llama-architecture GGUF file with random weights that llama.cpp loads: for tests (tiny shapes) and speed
 * benchmarks (realistic shapes; speed needs no trained weights).
 *
 * <p>Weights: every matrix is uniform in {@code ±sqrt(3 / cols)} (unit-variance outputs, so logits are spread and
 * greedy choices are clear-cut), stored as {@code type}; norms are F32 around 1. Tokenizer: a SentencePiece-style
 * ("llama") vocabulary of {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte tokens {@code <0x00>..<0xFF>}, and
 * then pieces {@code [id]} up to the vocabulary size, so any text of generated tokens says which ids they were.
 */
public final class RandomLlamaGguf {
    /** Ids of the special tokens and the first {@code [id]} piece. */
    public static final int UNK = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    public static final int FIRST_PIECE = 3 + 256;

    /** The shape and storage type of the model to write. */
    public record Spec(int dim, int layers, int heads, int kvHeads, int ffn, int vocab, int contextLength, GgmlType type,
                       boolean tiedOutput, long seed) {
        /** ~1.1B parameters: hidden 2048, 16 layers, GQA 32/8, FFN 8192, vocab 32,000 (the benchmark shape). */
        public static Spec realistic(GgmlType type) {
            return new Spec(2048, 16, 32, 8, 8192, 32000, 2048, type, false, 42);
        }

        /** A tiny model for tests: hidden 64, 2 layers, GQA 4/2, FFN 128, vocab 320. */
        public static Spec tiny(GgmlType type) {
            return new Spec(64, 2, 4, 2, 128, 320, 256, type, false, 7);
        }

        public Spec withSeed(long s) {
            return new Spec(dim, layers, heads, kvHeads, ffn, vocab, contextLength, type, tiedOutput, s);
        }

        public Spec tied() {
            return new Spec(dim, layers, heads, kvHeads, ffn, vocab, contextLength, type, true, seed);
        }

        public long parameters() {
            int kv = dim / heads * kvHeads;
            long perLayer = 2L * dim * dim + 2L * dim * kv + 3L * dim * ffn + 2L * dim;
            return layers * perLayer + (tiedOutput ? 1L : 2L) * vocab * dim + dim;
        }
    }

    private RandomLlamaGguf() {
    }

    public static void write(Spec s, Path target) throws IOException {
        if (s.vocab() <= FIRST_PIECE) {
            throw new IllegalArgumentException("the vocabulary needs more than " + FIRST_PIECE + " tokens (specials and bytes), got " + s.vocab());
        }
        SplittableRandom random = new SplittableRandom(s.seed());
        int headDim = s.dim() / s.heads();
        GgufWriter w = new GgufWriter()
                .put("general.architecture", "llama")
                .put("general.name", "random-llama-" + s.dim() + "x" + s.layers() + "-" + s.type().name().toLowerCase(java.util.Locale.ROOT))
                .put("llama.context_length", GgufValue.ofUint32(s.contextLength()))
                .put("llama.embedding_length", GgufValue.ofUint32(s.dim()))
                .put("llama.block_count", GgufValue.ofUint32(s.layers()))
                .put("llama.feed_forward_length", GgufValue.ofUint32(s.ffn()))
                .put("llama.attention.head_count", GgufValue.ofUint32(s.heads()))
                .put("llama.attention.head_count_kv", GgufValue.ofUint32(s.kvHeads()))
                .put("llama.attention.layer_norm_rms_epsilon", GgufValue.ofFloat32(1e-5f))
                .put("llama.rope.freq_base", GgufValue.ofFloat32(10000f))
                .put("llama.rope.dimension_count", GgufValue.ofUint32(headDim))
                .put("llama.vocab_size", GgufValue.ofUint32(s.vocab()));
        vocabulary(w, s.vocab());
        w.tensor("token_embd.weight", s.type(), new long[] {s.dim(), s.vocab()}, matrix(random, s.vocab(), s.dim(), s.type(), 1f));
        for (int l = 0; l < s.layers(); l++) {
            String p = "blk." + l + ".";
            int kv = headDim * s.kvHeads();
            w.tensor(p + "attn_norm.weight", GgmlType.F32, new long[] {s.dim()}, norm(random, s.dim()));
            w.tensor(p + "attn_q.weight", s.type(), new long[] {s.dim(), s.dim()}, matrix(random, s.dim(), s.dim(), s.type(), 0));
            w.tensor(p + "attn_k.weight", s.type(), new long[] {s.dim(), kv}, matrix(random, kv, s.dim(), s.type(), 0));
            w.tensor(p + "attn_v.weight", s.type(), new long[] {s.dim(), kv}, matrix(random, kv, s.dim(), s.type(), 0));
            w.tensor(p + "attn_output.weight", s.type(), new long[] {s.dim(), s.dim()}, matrix(random, s.dim(), s.dim(), s.type(), 0));
            w.tensor(p + "ffn_norm.weight", GgmlType.F32, new long[] {s.dim()}, norm(random, s.dim()));
            w.tensor(p + "ffn_gate.weight", s.type(), new long[] {s.dim(), s.ffn()}, matrix(random, s.ffn(), s.dim(), s.type(), 0));
            w.tensor(p + "ffn_up.weight", s.type(), new long[] {s.dim(), s.ffn()}, matrix(random, s.ffn(), s.dim(), s.type(), 0));
            w.tensor(p + "ffn_down.weight", s.type(), new long[] {s.ffn(), s.dim()}, matrix(random, s.dim(), s.ffn(), s.type(), 0));
        }
        w.tensor("output_norm.weight", GgmlType.F32, new long[] {s.dim()}, norm(random, s.dim()));
        if (!s.tiedOutput()) {
            w.tensor("output.weight", s.type(), new long[] {s.dim(), s.vocab()}, matrix(random, s.vocab(), s.dim(), s.type(), 0));
        }
        w.write(target);
    }

    private static void vocabulary(GgufWriter w, int vocab) {
        String[] tokens = new String[vocab];
        float[] scores = new float[vocab];
        int[] types = new int[vocab];
        tokens[UNK] = "<unk>";
        types[UNK] = 2;
        tokens[BOS] = "<s>";
        types[BOS] = 3;
        tokens[EOS] = "</s>";
        types[EOS] = 3;
        for (int b = 0; b < 256; b++) {
            tokens[3 + b] = String.format("<0x%02X>", b);
            types[3 + b] = 6;
        }
        for (int id = FIRST_PIECE; id < vocab; id++) {
            tokens[id] = "[" + id + "]";
            scores[id] = -id;
            types[id] = 1;
        }
        w.put("tokenizer.ggml.model", "llama")
                .put("tokenizer.ggml.tokens", GgufValue.of(GgufArray.of(tokens)))
                .put("tokenizer.ggml.scores", GgufValue.of(GgufArray.of(scores)))
                .put("tokenizer.ggml.token_type", GgufValue.of(new GgufArray(GgufValueType.INT32, types)))
                .put("tokenizer.ggml.bos_token_id", GgufValue.ofUint32(BOS))
                .put("tokenizer.ggml.eos_token_id", GgufValue.ofUint32(EOS))
                .put("tokenizer.ggml.unknown_token_id", GgufValue.ofUint32(UNK))
                .put("tokenizer.ggml.add_bos_token", GgufValue.ofBool(true));
    }

    private static ByteBuffer norm(SplittableRandom random, int n) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(1f + (float) (random.nextDouble() - 0.5) * 0.2f);
        }
        return b.flip();
    }

    /** {@code (rows, cols)} uniform weights of bound {@code sqrt(3 / cols)} (or {@code bound} when positive), encoded. */
    private static ByteBuffer matrix(SplittableRandom random, int rows, int cols, GgmlType type, float bound) {
        float a = bound > 0 ? bound : (float) Math.sqrt(3.0 / cols);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(type.bytes((long) rows * cols))).order(ByteOrder.LITTLE_ENDIAN);
        RowCodec codec = RowCodec.of(type);
        float[] row = new float[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) ((random.nextDouble() * 2 - 1) * a);
            }
            codec.quantise(row, 0, cols, out, type.bytes((long) r * cols));
        }
        return out;
    }
}
