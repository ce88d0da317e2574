package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufArray;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.gguf.GgufWriter;
import dev.dlforge.llm.tensor.RowCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained {@link Llama} and its byte-level BPE tokenizer as a GGUF file of llama.cpp's {@code llama}
 * architecture, which llama.cpp and dlforge-llm's {@code LlamaModel} load. Matrices are stored as F32 or F16 (quantise
 * further with {@code dlforge quant}); norms always F32.
 *
 * <p>Layout: a DJL {@code Linear} weight is (out, in) row-major with y = x W^T, which is exactly ggml's
 * {@code {in, out}} tensor of {@code out} rows; the embedding (V, C) is {@code token_embd.weight {C, V}}. The model's
 * RoPE pairs adjacent elements like llama.cpp's, so Q and K go out unpermuted.
 *
 * <p>Tokenizer: {@code tokenizer.ggml.model = "gpt2"} with pre-tokenizer {@code "gpt-2"}, the tokens in id order
 * (special tokens typed CONTROL), the merges as "left right" strings by rank, and BOS = EOS = {@code <|endoftext|>}
 * when the vocabulary has it (no BOS is added to prompts either way: the model was trained without one).
 */
public final class LlamaGguf {
    /** The special token used as BOS and EOS when the tokenizer has it. */
    public static final String END_OF_TEXT = "<|endoftext|>";
    private static final int NORMAL = 1;
    private static final int CONTROL = 3;

    private LlamaGguf() {
    }

    /**
     * Writes {@code model} with {@code tokenizer} to {@code target}.
     *
     * @param type F32 or F16, the storage of every matrix
     * @throws IllegalArgumentException when the type is another, or the tokenizer's vocabulary is not the model's
     */
    public static void write(Llama model, ByteLevelBpe tokenizer, String name, GgmlType type, Path target) throws IOException {
        if (type != GgmlType.F32 && type != GgmlType.F16) {
            throw new IllegalArgumentException("export writes F32 or F16, got " + type + ": quantise the export with `dlforge quant`");
        }
        LlamaConfig c = model.config();
        if (tokenizer.vocabSize() != c.vocab()) {
            throw new IllegalArgumentException("the tokenizer has " + tokenizer.vocabSize() + " tokens, the model " + c.vocab());
        }
        GgufWriter w = new GgufWriter()
                .put("general.architecture", "llama")
                .put("general.name", name)
                .put("general.file_type", GgufValue.ofUint32(type == GgmlType.F32 ? 0 : 1))
                .put("llama.context_length", GgufValue.ofUint32(c.context()))
                .put("llama.embedding_length", GgufValue.ofUint32(c.dim()))
                .put("llama.block_count", GgufValue.ofUint32(c.layers()))
                .put("llama.feed_forward_length", GgufValue.ofUint32(c.ffn()))
                .put("llama.attention.head_count", GgufValue.ofUint32(c.heads()))
                .put("llama.attention.head_count_kv", GgufValue.ofUint32(c.kvHeads()))
                .put("llama.attention.layer_norm_rms_epsilon", GgufValue.ofFloat32(c.rmsEps()))
                .put("llama.rope.freq_base", GgufValue.ofFloat32(c.ropeTheta()))
                .put("llama.rope.dimension_count", GgufValue.ofUint32(c.headDim()))
                .put("llama.vocab_size", GgufValue.ofUint32(c.vocab()));
        tokenizer(w, tokenizer);
        matrix(w, "token_embd.weight", model.embedding(), type);
        for (int l = 0; l < c.layers(); l++) {
            LlamaBlock b = model.blocks().get(l);
            String p = "blk." + l + ".";
            matrix(w, p + "attn_norm.weight", b.attnNorm().weight(), GgmlType.F32);
            matrix(w, p + "attn_q.weight", weight(b.attn().q()), type);
            matrix(w, p + "attn_k.weight", weight(b.attn().k()), type);
            matrix(w, p + "attn_v.weight", weight(b.attn().v()), type);
            matrix(w, p + "attn_output.weight", weight(b.attn().o()), type);
            matrix(w, p + "ffn_norm.weight", b.ffnNorm().weight(), GgmlType.F32);
            matrix(w, p + "ffn_gate.weight", weight(b.ffn().gate()), type);
            matrix(w, p + "ffn_up.weight", weight(b.ffn().up()), type);
            matrix(w, p + "ffn_down.weight", weight(b.ffn().down()), type);
        }
        matrix(w, "output_norm.weight", model.outputNorm().weight(), GgmlType.F32);
        if (model.output() != null) {
            matrix(w, "output.weight", model.output(), type);
        }
        w.write(target);
    }

    private static Parameter weight(Linear linear) {
        return linear.getParameters().get("weight");
    }

    /** A parameter of shape (rows, cols), or (n) for a vector, as the ggml tensor {cols, rows} (or {n}) of {@code type}. */
    private static void matrix(GgufWriter w, String name, Parameter p, GgmlType type) {
        NDArray a = p.getArray();
        long[] shape = a.getShape().getShape();
        long[] ggml = shape.length == 1 ? new long[] {shape[0]} : new long[] {shape[1], shape[0]};
        float[] values = a.toFloatArray();
        byte[] bytes = RowCodec.of(type).quantise(values);
        w.tensor(name, type, ggml, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    private static void tokenizer(GgufWriter w, ByteLevelBpe bpe) {
        int n = bpe.vocabSize();
        String[] tokens = new String[n];
        int[] types = new int[n];
        Map<String, Integer> specials = bpe.specialTokens();
        for (int id = 0; id < n; id++) {
            String t = bpe.token(id);
            if (t == null) {
                throw new IllegalArgumentException("the tokenizer has no token with id " + id + ": a GGUF vocabulary must be dense");
            }
            tokens[id] = t;
            types[id] = specials.containsKey(t) ? CONTROL : NORMAL;
        }
        List<String[]> merges = bpe.merges();
        String[] mergeStrings = new String[merges.size()];
        for (int r = 0; r < merges.size(); r++) {
            mergeStrings[r] = merges.get(r)[0] + " " + merges.get(r)[1];
        }
        w.put("tokenizer.ggml.model", "gpt2")
                .put("tokenizer.ggml.pre", "gpt-2")
                .put("tokenizer.ggml.tokens", GgufValue.of(GgufArray.of(tokens)))
                .put("tokenizer.ggml.token_type", GgufValue.of(GgufArray.ofInt32(types)))
                .put("tokenizer.ggml.merges", GgufValue.of(GgufArray.of(mergeStrings)))
                .put("tokenizer.ggml.add_bos_token", GgufValue.ofBool(false));
        Integer end = specials.get(END_OF_TEXT);
        if (end != null) {
            w.put("tokenizer.ggml.bos_token_id", GgufValue.ofUint32(end)).put("tokenizer.ggml.eos_token_id", GgufValue.ofUint32(end));
        }
    }
}
