package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding (Su et al., 2021) in llama.cpp's "normal" ordering, the one its {@code llama}
 * architecture applies: within each head of size d, the adjacent pair (x[2i], x[2i+1]) at position p is rotated by
 * theta = p * base^(-2i/d):
 *
 * <pre>
 *   x'[2i]   = x[2i] cos(theta) - x[2i+1] sin(theta)
 *   x'[2i+1] = x[2i] sin(theta) + x[2i+1] cos(theta)
 * </pre>
 *
 * Because the model is trained with this pairing, its Q and K weights export to GGUF unpermuted (Hugging Face
 * checkpoints pair x[i] with x[i + d/2] and need the converter's permutation). The angles are computed as ggml's rope
 * cache does, multiplying theta by base^(-2/d) in float per pair, so they equal dlforge-llm's {@code Rope}.
 */
public final class RotaryEmbedding {
    private final int headDim;
    private final float base;

    public RotaryEmbedding(int headDim, float base) {
        this.headDim = headDim;
        this.base = base;
    }

    /** {@code [cos, sin]} tables, each (T, d/2), for positions {@code past..past+t-1}, in {@code m}. */
    public NDList tables(NDManager m, int past, int t) {
        int half = headDim / 2;
        float[] cos = new float[t * half];
        float[] sin = new float[t * half];
        float thetaScale = (float) Math.pow(base, -2.0f / headDim);
        for (int p = 0; p < t; p++) {
            float theta = past + p;
            for (int i = 0; i < half; i++) {
                cos[p * half + i] = (float) Math.cos(theta);
                sin[p * half + i] = (float) Math.sin(theta);
                theta *= thetaScale;
            }
        }
        return new NDList(m.create(cos, new Shape(t, half)), m.create(sin, new Shape(t, half)));
    }

    /** Rotates x (B, H, T, d) by the {@link #tables} of its T positions. */
    public NDArray apply(NDArray x, NDList tables) {
        Shape s = x.getShape();
        NDArray pairs = x.reshape(s.get(0), s.get(1), s.get(2), headDim / 2, 2);        // (B, H, T, d/2, 2)
        NDArray x0 = pairs.get(":, :, :, :, 0");                                       // (B, H, T, d/2)
        NDArray x1 = pairs.get(":, :, :, :, 1");
        NDArray cos = tables.get(0);                                                    // (T, d/2), broadcast
        NDArray sin = tables.get(1);
        NDArray r0 = x0.mul(cos).sub(x1.mul(sin));
        NDArray r1 = x0.mul(sin).add(x1.mul(cos));
        return r0.stack(r1, -1).reshape(s);                                             // (B, H, T, d)
    }
}
