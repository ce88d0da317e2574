package dev.dlforge.llm.kernel;

/** Normalisations: RMSNorm {@code y = x / sqrt(mean(x^2) + eps) * w} (Llama) and LayerNorm (GPT-2). */
public final class RmsNorm {
    private RmsNorm() {
    }

    /** {@code out[i] = x[i] / sqrt(mean(x^2) + eps) * w[i]}; the mean is summed in double, as ggml's {@code ggml_float}. */
    public static void rmsNorm(float[] out, float[] x, float[] w, float eps, int n) {
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (double) x[i] * x[i];
        }
        float scale = (float) (1.0 / Math.sqrt((float) (ss / n) + eps));
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * scale * w[i];
        }
    }

    /** {@code out = (x - mean(x)) / sqrt(var(x) + eps) * w + b}. */
    public static void layerNorm(float[] out, float[] x, float[] w, float[] b, float eps, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        float mean = (float) (sum / n);
        double var = 0;
        for (int i = 0; i < n; i++) {
            float d = x[i] - mean;
            var += (double) d * d;
        }
        float scale = (float) (1.0 / Math.sqrt((float) (var / n) + eps));
        for (int i = 0; i < n; i++) {
            out[i] = (x[i] - mean) * scale * w[i] + (b == null ? 0 : b[i]);
        }
    }
}
