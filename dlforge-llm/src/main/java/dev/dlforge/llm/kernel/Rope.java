package dev.dlforge.llm.kernel;

/**
 * Rotary position embedding over the first {@code dims} elements of each head (ggml's {@code ggml_rope}): pair
 * {@code i} is rotated by {@code theta_i = pos * scale * base^(-2i/dims)}. {@link Ordering#NORMAL} pairs
 * {@code (x[2i], x[2i+1])} (llama; the GGUF converter permutes Q and K rows to match), {@link Ordering#NEOX} pairs
 * {@code (x[i], x[i + dims/2])} (qwen2, GPT-NeoX).
 *
 * @param scale linear scaling: 1 / {@code rope.scaling.factor} (1 when the metadata has none)
 */
public record Rope(int dims, float base, float scale, Ordering ordering) {
    /** Which elements form a rotated pair. */
    public enum Ordering { NORMAL, NEOX }

    /** Rotates {@code heads} heads of {@code headDim} at {@code x[offset..]} for position {@code pos}. */
    public void apply(float[] x, int offset, int heads, int headDim, int pos) {
        float[] cos = new float[dims / 2];
        float[] sin = new float[dims / 2];
        angles(pos, cos, sin);
        for (int h = 0; h < heads; h++) {
            int o = offset + h * headDim;
            for (int i = 0; i < dims / 2; i++) {
                int a = ordering == Ordering.NORMAL ? o + 2 * i : o + i;
                int b = ordering == Ordering.NORMAL ? a + 1 : a + dims / 2;
                float x0 = x[a];
                float x1 = x[b];
                x[a] = x0 * cos[i] - x1 * sin[i];
                x[b] = x0 * sin[i] + x1 * cos[i];
            }
        }
    }

    /** As ggml's rope cache: {@code theta} starts at {@code pos} and is multiplied by {@code base^(-2/dims)} in float per pair. */
    void angles(int pos, float[] cos, float[] sin) {
        float thetaScale = (float) Math.pow(base, -2.0f / dims);
        float theta = pos;
        for (int i = 0; i < dims / 2; i++) {
            float t = theta * scale;
            cos[i] = (float) Math.cos(t);
            sin[i] = (float) Math.sin(t);
            theta *= thetaScale;
        }
    }
}
