package dev.dlforge.models.lm.llama;

/**
 * The shape of a Llama-style decoder (Touvron et al., 2023): RMSNorm, rotary positions, SwiGLU, grouped-query
 * attention. {@link #small} is the project's full size (about 21M parameters); {@link #tiny} is for tests.
 *
 * <p>Widths are multiples of 256 in {@link #small} so that every matrix row splits into whole k-quant super-blocks
 * (Q4_K, Q5_K, Q6_K quantise rows of 256) when the model is exported to GGUF and quantised.
 *
 * @param dim channels (C)
 * @param layers decoder blocks
 * @param heads query heads; {@code dim} must divide by it
 * @param kvHeads key/value heads; {@code heads} must divide by it (each serves {@code heads / kvHeads} query heads)
 * @param ffn hidden width of the SwiGLU feed-forward network
 * @param vocab tokens the model embeds and predicts (V)
 * @param context longest context (T max)
 * @param ropeTheta base of the rotary frequencies, theta_i = base^(-2i / headDim)
 * @param rmsEps epsilon of every RMSNorm
 * @param tiedOutput whether the output layer is the token embedding (no {@code output.weight})
 */
public record LlamaConfig(int dim, int layers, int heads, int kvHeads, int ffn, int vocab, int context, float ropeTheta, float rmsEps,
                          boolean tiedOutput) {

    public LlamaConfig {
        if (dim < 1 || layers < 1 || heads < 1 || kvHeads < 1 || ffn < 1 || vocab < 1 || context < 1) {
            throw new IllegalArgumentException("dim, layers, heads, kv heads, ffn, vocab and context must be positive: " + this);
        }
        if (dim % heads != 0 || (dim / heads) % 2 != 0) {
            throw new IllegalArgumentException("dim " + dim + " must split into " + heads + " heads of an even size (rotary pairs)");
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(heads + " query heads are not a multiple of " + kvHeads + " key/value heads");
        }
        if (!(ropeTheta > 0) || !(rmsEps > 0)) {
            throw new IllegalArgumentException("rope theta and rms epsilon must be positive: " + this);
        }
    }

    /** The project's full size: dim 512, 6 layers, GQA 8/4, FFN 1536, context 256, theta 10000, eps 1e-5, tied. */
    public static LlamaConfig small(int vocab) {
        return new LlamaConfig(512, 6, 8, 4, 1536, vocab, 256, 10000f, 1e-5f, true);
    }

    /** A tiny model for tests: dim 64, 2 layers, GQA 4/2, FFN 128, context 64, untied. */
    public static LlamaConfig tiny(int vocab) {
        return new LlamaConfig(64, 2, 4, 2, 128, vocab, 64, 10000f, 1e-5f, false);
    }

    /** Channels per head (d). */
    public int headDim() {
        return dim / heads;
    }

    /** Width of the keys and values, kvHeads * d. */
    public int kvDim() {
        return kvHeads * headDim();
    }

    public LlamaConfig withVocab(int v) {
        return new LlamaConfig(dim, layers, heads, kvHeads, ffn, v, context, ropeTheta, rmsEps, tiedOutput);
    }

    /** Learned scalars: per layer Q, K, V, O, gate, up, down and two norms; the embedding, the final norm, the head if untied. */
    public long parameters() {
        long perLayer = 2L * dim * dim + 2L * dim * kvDim() + 3L * dim * ffn + 2L * dim;
        return layers * perLayer + (tiedOutput ? 1L : 2L) * vocab * dim + dim;
    }
}
