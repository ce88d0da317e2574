package dev.dlforge.llm.tokenizer;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.gguf.GgufWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Llama-architecture GGUF that llama.cpp loads, with one tiny block of zero weights (norms of one) around a given
 * vocabulary (test fixture): enough for llama.cpp to tokenize, detokenize and apply chat templates with it.
 */
final class TinyLlamaGguf {
    private static final int EMBD = 32;
    private static final int HEADS = 4;
    private static final int FF = 64;

    private TinyLlamaGguf() { }

    static Path write(Path file, Map<String, GgufValue> tokenizer, int vocabSize) throws IOException {
        GgufWriter w = new GgufWriter().put("general.architecture", "llama").put("general.name", "dlforge-tokenizer-test")
                .put("llama.context_length", GgufValue.ofUint32(256))
                .put("llama.embedding_length", GgufValue.ofUint32(EMBD))
                .put("llama.block_count", GgufValue.ofUint32(1))
                .put("llama.feed_forward_length", GgufValue.ofUint32(FF))
                .put("llama.attention.head_count", GgufValue.ofUint32(HEADS))
                .put("llama.attention.head_count_kv", GgufValue.ofUint32(HEADS))
                .put("llama.attention.layer_norm_rms_epsilon", GgufValue.ofFloat32(1e-5f))
                .put("llama.rope.dimension_count", GgufValue.ofUint32(EMBD / HEADS))
                .put("llama.vocab_size", GgufValue.ofUint32(vocabSize));
        tokenizer.forEach(w::put);
        w.tensor("token_embd.weight", GgmlType.F32, new long[] {EMBD, vocabSize}, zeros(EMBD * vocabSize))
                .tensor("output_norm.weight", GgmlType.F32, new long[] {EMBD}, ones(EMBD))
                .tensor("output.weight", GgmlType.F32, new long[] {EMBD, vocabSize}, zeros(EMBD * vocabSize))
                .tensor("blk.0.attn_norm.weight", GgmlType.F32, new long[] {EMBD}, ones(EMBD))
                .tensor("blk.0.attn_q.weight", GgmlType.F32, new long[] {EMBD, EMBD}, zeros(EMBD * EMBD))
                .tensor("blk.0.attn_k.weight", GgmlType.F32, new long[] {EMBD, EMBD}, zeros(EMBD * EMBD))
                .tensor("blk.0.attn_v.weight", GgmlType.F32, new long[] {EMBD, EMBD}, zeros(EMBD * EMBD))
                .tensor("blk.0.attn_output.weight", GgmlType.F32, new long[] {EMBD, EMBD}, zeros(EMBD * EMBD))
                .tensor("blk.0.ffn_norm.weight", GgmlType.F32, new long[] {EMBD}, ones(EMBD))
                .tensor("blk.0.ffn_gate.weight", GgmlType.F32, new long[] {EMBD, FF}, zeros(EMBD * FF))
                .tensor("blk.0.ffn_up.weight", GgmlType.F32, new long[] {EMBD, FF}, zeros(EMBD * FF))
                .tensor("blk.0.ffn_down.weight", GgmlType.F32, new long[] {FF, EMBD}, zeros(EMBD * FF))
                .write(file);
        return file;
    }

    private static ByteBuffer zeros(int floats) {
        return ByteBuffer.allocate(4 * floats);
    }

    private static ByteBuffer ones(int floats) {
        ByteBuffer b = ByteBuffer.allocate(4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < floats; i++) {
            b.putFloat(1f);
        }
        return b.flip();
    }
}
