package dev.dlforge.models.lm.gpt;

/**
 * The shape of a GPT. {@link #baby} reproduces nanoGPT's CPU "baby" character model (4 layers,
 * 4 heads, 128 channels, a 64-token context, no dropout, no biases); {@link #gpt2} is OpenAI's
 * GPT-2 small layout, for imported checkpoints.
 *
 * @param vocabSize tokens the model embeds and predicts (V)
 * @param blockSize longest context (T max); position embeddings exist for 0..blockSize-1
 * @param nLayer transformer blocks
 * @param nHead attention heads; {@code nEmbd} must divide by it
 * @param nEmbd channels (C)
 * @param dropout on attention weights, residual branches and embeddings while training
 * @param bias whether linear layers and layer norms have biases (GPT-2: yes; nanoGPT's default: no)
 * @param tanhGelu GELU by its tanh approximation, as GPT-2 was trained ({@code gelu_new}); else the
 *     exact x Phi(x), as nanoGPT trains
 */
public record GptConfig(int vocabSize, int blockSize, int nLayer, int nHead, int nEmbd, float dropout, boolean bias, boolean tanhGelu) {

    /** GPT-2 and nanoGPT's layer-norm epsilon. */
    public static final float LAYER_NORM_EPS = 1e-5f;

    public GptConfig {
        if (vocabSize < 1 || blockSize < 1 || nLayer < 1 || nHead < 1 || nEmbd < 1) {
            throw new IllegalArgumentException("vocab, block size, layers, heads and channels must be positive: " + this);
        }
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("n_embd " + nEmbd + " must be divisible by n_head " + nHead);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** nanoGPT's CPU baby config (n_layer 4, n_head 4, n_embd 128, block 64, dropout 0, bias off). */
    public static GptConfig baby(int vocabSize) {
        return new GptConfig(vocabSize, 64, 4, 4, 128, 0f, false, false);
    }

    /** GPT-2 small: 12 layers, 12 heads, 768 channels, 1,024 positions, 50,257 tokens. */
    public static GptConfig gpt2() {
        return new GptConfig(50257, 1024, 12, 12, 768, 0f, true, true);
    }

    /** Channels per head. */
    public int headSize() {
        return nEmbd / nHead;
    }

    public GptConfig withVocabSize(int v) {
        return new GptConfig(v, blockSize, nLayer, nHead, nEmbd, dropout, bias, tanhGelu);
    }
}
