package dev.dlforge.llm.kernel;

/** Elementwise activations and softmax. */
public final class Activations {
    private static final float SQRT_2_OVER_PI = 0.79788456080286535587989211986876f;
    private static final float GELU_COEF_A = 0.044715f;

    private Activations() {
    }

    /** SiLU: {@code x * sigmoid(x)}. */
    public static float silu(float x) {
        return x / (1.0f + (float) Math.exp(-x));
    }

    /** SwiGLU in place: {@code gate[i] = silu(gate[i]) * up[i]}. */
    public static void swiglu(float[] gate, float[] up, int n) {
        for (int i = 0; i < n; i++) {
            gate[i] = silu(gate[i]) * up[i];
        }
    }

    /** GELU, tanh approximation (GPT-2, ggml's {@code ggml_gelu}): {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}, in place. */
    public static void gelu(float[] x, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            x[i] = 0.5f * v * (1.0f + (float) Math.tanh(SQRT_2_OVER_PI * v * (1.0f + GELU_COEF_A * v * v)));
        }
    }

    /** Softmax of {@code x[offset .. offset + n)} in place: {@code exp(x - max) / sum}. */
    public static void softmax(float[] x, int offset, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[offset + i] - max);
            x[offset + i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = 0; i < n; i++) {
            x[offset + i] *= inv;
        }
    }
}
