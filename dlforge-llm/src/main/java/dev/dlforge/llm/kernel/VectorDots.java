package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API inner loops (256-bit: AVX2). Loaded only when {@link Simd#ENABLED}.
 *
 * <p>Quantised dots follow llama.cpp's {@code ggml_vec_dot_q4_0_q8_0} / {@code q8_0_q8_0}: per 32-element block the
 * integer sum {@code sum_j qw[j] * qa[j]} (int8 x int8 widened to 16 bits, summed into 32-bit lanes), converted to
 * float and accumulated as {@code acc += dw * da * sum} in eight float lanes, summed at the end. The activations come
 * pre-widened to shorts ({@link MatInput}) so a block costs one weight load and two activation loads.
 */
final class VectorDots {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private VectorDots() {
    }

    static int preferredBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }

    /** {@code sum_i a[ao + i] * b[bo + i]}, i < n. */
    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            acc = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** {@code y[yo + i] += a * x[xo + i]}, i < n. */
    static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector va = FloatVector.broadcast(F, a);
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector.fromArray(F, x, xo + i).fma(va, FloatVector.fromArray(F, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] += a * x[xo + i];
        }
    }

    private static FloatVector blockSum(ShortVector p, FloatVector acc, float scale) {
        IntVector s = ((IntVector) p.convertShape(VectorOperators.S2I, I, 0)).add((IntVector) p.convertShape(VectorOperators.S2I, I, 1));
        return ((FloatVector) s.convertShape(VectorOperators.I2F, F, 0)).fma(FloatVector.broadcast(F, scale), acc);
    }

    private static ShortVector widen(ByteVector v) {
        return (ShortVector) v.convertShape(VectorOperators.B2S, S, 0);
    }

    /** Q4_0 row (18-byte blocks at {@code off} of the mapped buffer) . Q8_0 activations. */
    static float q4(ByteBuffer w, int off, short[] qa, float[] da, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            int o = off + b * 18;
            ByteVector q = ByteVector.fromByteBuffer(B, w, o + 2, LE);
            ShortVector lo = widen(q.and((byte) 0x0F).sub((byte) 8));
            ShortVector hi = widen(q.lanewise(VectorOperators.LSHR, 4).sub((byte) 8));
            ShortVector p = lo.mul(ShortVector.fromArray(S, qa, b * 32)).add(hi.mul(ShortVector.fromArray(S, qa, b * 32 + 16)));
            acc = blockSum(p, acc, Half.toFloat(w.getShort(o)) * da[b]);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** As {@link #q4(ByteBuffer, int, short[], float[], int)} over a row copied into {@code w}. */
    static float q4(byte[] w, int off, short[] qa, float[] da, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            int o = off + b * 18;
            ByteVector q = ByteVector.fromArray(B, w, o + 2);
            ShortVector lo = widen(q.and((byte) 0x0F).sub((byte) 8));
            ShortVector hi = widen(q.lanewise(VectorOperators.LSHR, 4).sub((byte) 8));
            ShortVector p = lo.mul(ShortVector.fromArray(S, qa, b * 32)).add(hi.mul(ShortVector.fromArray(S, qa, b * 32 + 16)));
            acc = blockSum(p, acc, Half.toFloat(half(w, o)) * da[b]);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** Q8_0 row (34-byte blocks) . Q8_0 activations; each product fits 16 bits, their sums are taken in 32. */
    static float q8(ByteBuffer w, int off, short[] qa, float[] da, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            int o = off + b * 34;
            ShortVector p0 = widen(ByteVector.fromByteBuffer(B, w, o + 2, LE)).mul(ShortVector.fromArray(S, qa, b * 32));
            ShortVector p1 = widen(ByteVector.fromByteBuffer(B, w, o + 18, LE)).mul(ShortVector.fromArray(S, qa, b * 32 + 16));
            acc = q8Sum(p0, p1, acc, Half.toFloat(w.getShort(o)) * da[b]);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    static float q8(byte[] w, int off, short[] qa, float[] da, int blocks) {
        FloatVector acc = FloatVector.zero(F);
        for (int b = 0; b < blocks; b++) {
            int o = off + b * 34;
            ShortVector p0 = widen(ByteVector.fromArray(B, w, o + 2)).mul(ShortVector.fromArray(S, qa, b * 32));
            ShortVector p1 = widen(ByteVector.fromArray(B, w, o + 18)).mul(ShortVector.fromArray(S, qa, b * 32 + 16));
            acc = q8Sum(p0, p1, acc, Half.toFloat(half(w, o)) * da[b]);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private static FloatVector q8Sum(ShortVector p0, ShortVector p1, FloatVector acc, float scale) {
        IntVector s = ((IntVector) p0.convertShape(VectorOperators.S2I, I, 0)).add((IntVector) p0.convertShape(VectorOperators.S2I, I, 1))
                .add((IntVector) p1.convertShape(VectorOperators.S2I, I, 0)).add((IntVector) p1.convertShape(VectorOperators.S2I, I, 1));
        return ((FloatVector) s.convertShape(VectorOperators.I2F, F, 0)).fma(FloatVector.broadcast(F, scale), acc);
    }

    static short half(byte[] w, int o) {
        return (short) ((w[o] & 0xFF) | (w[o + 1] << 8));
    }
}
