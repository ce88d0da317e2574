package dev.dlforge.llm.kernel;

/** Float dot products and {@code y += a x}, through the Vector API when {@link Simd#ENABLED}. */
public final class FloatDot {
    private FloatDot() {
    }

    /** {@code sum_i a[i] * b[i]}, i < n. */
    public static float dot(float[] a, float[] b, int n) {
        return dot(a, 0, b, 0, n);
    }

    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        if (Simd.ENABLED) {
            return VectorDots.dot(a, ao, b, bo, n);
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** {@code y[yo + i] += a * x[xo + i]}, i < n. */
    public static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        if (Simd.ENABLED) {
            VectorDots.axpy(a, x, xo, y, yo, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yo + i] += a * x[xo + i];
        }
    }
}
