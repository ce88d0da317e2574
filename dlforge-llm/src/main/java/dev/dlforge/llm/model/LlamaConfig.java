package dev.dlforge.llm.model;

import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.GgufMetadata;
import dev.dlforge.llm.kernel.Rope;

/**
 * The shape of a Llama-family model, read from GGUF metadata ({@code ARCH.*} keys, ARCH = {@code general.architecture}).
 *
 * @param heads     query heads; {@code kvHeads} key/value heads (GQA: each serves {@code heads / kvHeads} query heads)
 * @param headDim   {@code ARCH.attention.key_length}, else {@code dim / heads}
 * @param qkvBias   Q, K and V have biases (qwen2)
 * @param rope      from {@code ARCH.rope.dimension_count}, {@code rope.freq_base} (10000), {@code rope.scaling.factor}
 *                  when {@code rope.scaling.type} is linear; NeoX ordering for qwen2, normal for llama
 */
public record LlamaConfig(String architecture, int dim, int layers, int ffn, int heads, int kvHeads, int headDim, int vocab,
                          int contextLength, float rmsEps, Rope rope, boolean qkvBias) {
    public int qDim() {
        return heads * headDim;
    }

    public int kvDim() {
        return kvHeads * headDim;
    }

    static LlamaConfig read(GgufFile file) {
        GgufMetadata m = file.metadata();
        String arch = file.architecture();
        if (!arch.equals("llama") && !arch.equals("qwen2") && !arch.equals("mistral")) {
            throw new UnsupportedOperationException("architecture " + arch + " is not a Llama-family model (llama, mistral, qwen2)");
        }
        int dim = (int) m.requireInteger(arch + ".embedding_length");
        int heads = (int) m.requireInteger(arch + ".attention.head_count");
        int kvHeads = (int) m.integer(arch + ".attention.head_count_kv").orElse(heads);
        int headDim = (int) m.integer(arch + ".attention.key_length").orElse(dim / heads);
        int vocab = (int) file.requireTensor("token_embd.weight").rows();
        float base = (float) m.real(arch + ".rope.freq_base").orElse(10000.0);
        int ropeDims = (int) m.integer(arch + ".rope.dimension_count").orElse(headDim);
        String scaling = m.string(arch + ".rope.scaling.type").orElse("none");
        float scale = scaling.equals("linear") ? (float) (1.0 / m.real(arch + ".rope.scaling.factor").orElse(1.0)) : 1f;
        Rope rope = new Rope(ropeDims, base, scale, arch.equals("qwen2") ? Rope.Ordering.NEOX : Rope.Ordering.NORMAL);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(arch + ": " + heads + " heads are not a multiple of " + kvHeads + " key/value heads");
        }
        return new LlamaConfig(arch, dim, (int) m.requireInteger(arch + ".block_count"), (int) m.requireInteger(arch + ".feed_forward_length"),
                heads, kvHeads, headDim, vocab, (int) m.integer(arch + ".context_length").orElse(2048),
                (float) m.real(arch + ".attention.layer_norm_rms_epsilon").orElse(1e-5), rope, file.tensor("blk.0.attn_q.bias").isPresent());
    }
}
