package dev.dlforge.llm.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API inner loops (256-bit AVX2 loads; AVX-512 widens the sums further). Loaded only when {@link Simd#ENABLED}.
 *
 * <p>Quantised dots follow llama.cpp's {@code ggml_vec_dot_q4_0_q8_0} / {@code q8_0_q8_0}: per 32-element block the
 * integer sum {@code sum_j qw[j] * qa[j]} (int8 x int8 widened to 16 bits, summed into 32-bit lanes), converted to
 * float and accumulated as {@code acc += dw * da * sum} in float lanes (16 on AVX-512, else 8), summed at the end. The
 * activations come pre-widened to shorts ({@link MatInput}); weights come {@link PackedBlocks packed}.
 */
final class VectorDots {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Float> F512 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I512 = IntVector.SPECIES_512;
    /** AVX-512: the block sums widen into 16 int lanes at once and accumulate in 16 float lanes. */
    private static final boolean WIDE = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    /** The accumulators' species, a constant (a species chosen per call leaves the vectors boxed: 1.7x slower). */
    private static final VectorSpecies<Float> ACC = WIDE ? F512 : F;

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

    /**
     * {@code out[b][col] = row . x[b]} for Q4_0 row {@code row} of {@code p} and every input: the nibbles of a block are
     * unpacked once for up to four inputs.
     */
    static void q4(PackedBlocks p, int row, MatInput in, float[][] out, int col) {
        byte[] q = p.quants;
        float[] s = p.scales;
        int qo = p.quantOffset(row);
        int so = p.scaleOffset(row);
        int b = 0;
        for (; b + 4 <= in.batch; b += 4) {
            q4x4(q, qo, s, so, p.blocksPerRow, in, b, out, col);
        }
        for (; b < in.batch; b++) {
            out[b][col] = q4x1(q, qo, s, so, p.blocksPerRow, in.q8(b), in.q8Scale(b));
        }
    }

    private static void q4x4(byte[] q, int qo, float[] s, int so, int blocks, MatInput in, int b, float[][] out, int col) {
        short[] x0 = in.q8(b);
        short[] x1 = in.q8(b + 1);
        short[] x2 = in.q8(b + 2);
        short[] x3 = in.q8(b + 3);
        float[] d0 = in.q8Scale(b);
        float[] d1 = in.q8Scale(b + 1);
        float[] d2 = in.q8Scale(b + 2);
        float[] d3 = in.q8Scale(b + 3);
        FloatVector a0 = zero();
        FloatVector a1 = zero();
        FloatVector a2 = zero();
        FloatVector a3 = zero();
        for (int k = 0; k < blocks; k++) {
            ByteVector v = ByteVector.fromArray(B, q, qo + k * 16);
            ShortVector lo = widen(v.and((byte) 0x0F).sub((byte) 8));
            ShortVector hi = widen(v.lanewise(VectorOperators.LSHR, 4).sub((byte) 8));
            float w = s[so + k];
            int j = k * 32;
            a0 = accumulate(lo.mul(ShortVector.fromArray(S, x0, j)).add(hi.mul(ShortVector.fromArray(S, x0, j + 16))), w * d0[k], a0);
            a1 = accumulate(lo.mul(ShortVector.fromArray(S, x1, j)).add(hi.mul(ShortVector.fromArray(S, x1, j + 16))), w * d1[k], a1);
            a2 = accumulate(lo.mul(ShortVector.fromArray(S, x2, j)).add(hi.mul(ShortVector.fromArray(S, x2, j + 16))), w * d2[k], a2);
            a3 = accumulate(lo.mul(ShortVector.fromArray(S, x3, j)).add(hi.mul(ShortVector.fromArray(S, x3, j + 16))), w * d3[k], a3);
        }
        out[b][col] = a0.reduceLanes(VectorOperators.ADD);
        out[b + 1][col] = a1.reduceLanes(VectorOperators.ADD);
        out[b + 2][col] = a2.reduceLanes(VectorOperators.ADD);
        out[b + 3][col] = a3.reduceLanes(VectorOperators.ADD);
    }

    private static float q4x1(byte[] q, int qo, float[] s, int so, int blocks, short[] x, float[] d) {
        FloatVector acc = zero();
        for (int k = 0; k < blocks; k++) {
            ByteVector v = ByteVector.fromArray(B, q, qo + k * 16);
            ShortVector lo = widen(v.and((byte) 0x0F).sub((byte) 8));
            ShortVector hi = widen(v.lanewise(VectorOperators.LSHR, 4).sub((byte) 8));
            int j = k * 32;
            acc = accumulate(lo.mul(ShortVector.fromArray(S, x, j)).add(hi.mul(ShortVector.fromArray(S, x, j + 16))), s[so + k] * d[k], acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** As {@link #q4} for a Q8_0 row: the 32 int8 weights of a block are widened once for up to four inputs. */
    static void q8(PackedBlocks p, int row, MatInput in, float[][] out, int col) {
        byte[] q = p.quants;
        float[] s = p.scales;
        int qo = p.quantOffset(row);
        int so = p.scaleOffset(row);
        int b = 0;
        for (; b + 4 <= in.batch; b += 4) {
            q8x4(q, qo, s, so, p.blocksPerRow, in, b, out, col);
        }
        for (; b < in.batch; b++) {
            out[b][col] = q8x1(q, qo, s, so, p.blocksPerRow, in.q8(b), in.q8Scale(b));
        }
    }

    private static void q8x4(byte[] q, int qo, float[] s, int so, int blocks, MatInput in, int b, float[][] out, int col) {
        short[] x0 = in.q8(b);
        short[] x1 = in.q8(b + 1);
        short[] x2 = in.q8(b + 2);
        short[] x3 = in.q8(b + 3);
        float[] d0 = in.q8Scale(b);
        float[] d1 = in.q8Scale(b + 1);
        float[] d2 = in.q8Scale(b + 2);
        float[] d3 = in.q8Scale(b + 3);
        FloatVector a0 = zero();
        FloatVector a1 = zero();
        FloatVector a2 = zero();
        FloatVector a3 = zero();
        for (int k = 0; k < blocks; k++) {
            ShortVector w0 = widen(ByteVector.fromArray(B, q, qo + k * 32));
            ShortVector w1 = widen(ByteVector.fromArray(B, q, qo + k * 32 + 16));
            float w = s[so + k];
            int j = k * 32;
            a0 = accumulate(w0.mul(ShortVector.fromArray(S, x0, j)), w1.mul(ShortVector.fromArray(S, x0, j + 16)), w * d0[k], a0);
            a1 = accumulate(w0.mul(ShortVector.fromArray(S, x1, j)), w1.mul(ShortVector.fromArray(S, x1, j + 16)), w * d1[k], a1);
            a2 = accumulate(w0.mul(ShortVector.fromArray(S, x2, j)), w1.mul(ShortVector.fromArray(S, x2, j + 16)), w * d2[k], a2);
            a3 = accumulate(w0.mul(ShortVector.fromArray(S, x3, j)), w1.mul(ShortVector.fromArray(S, x3, j + 16)), w * d3[k], a3);
        }
        out[b][col] = a0.reduceLanes(VectorOperators.ADD);
        out[b + 1][col] = a1.reduceLanes(VectorOperators.ADD);
        out[b + 2][col] = a2.reduceLanes(VectorOperators.ADD);
        out[b + 3][col] = a3.reduceLanes(VectorOperators.ADD);
    }

    private static float q8x1(byte[] q, int qo, float[] s, int so, int blocks, short[] x, float[] d) {
        FloatVector acc = zero();
        for (int k = 0; k < blocks; k++) {
            ShortVector w0 = widen(ByteVector.fromArray(B, q, qo + k * 32));
            ShortVector w1 = widen(ByteVector.fromArray(B, q, qo + k * 32 + 16));
            int j = k * 32;
            acc = accumulate(w0.mul(ShortVector.fromArray(S, x, j)), w1.mul(ShortVector.fromArray(S, x, j + 16)), s[so + k] * d[k], acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** Accumulator lanes: 16 floats on AVX-512, else 8. */
    private static FloatVector zero() {
        return FloatVector.zero(ACC);
    }

    /** {@code acc += scale * float(pairwise sums of p)}: the 16 products of a block (already summed in pairs) in 32-bit lanes. */
    private static FloatVector accumulate(ShortVector p, float scale, FloatVector acc) {
        if (WIDE) {
            IntVector i = (IntVector) p.convertShape(VectorOperators.S2I, I512, 0);
            return ((FloatVector) i.convertShape(VectorOperators.I2F, F512, 0)).fma(FloatVector.broadcast(F512, scale), acc);
        }
        IntVector i = ((IntVector) p.convertShape(VectorOperators.S2I, I, 0)).add((IntVector) p.convertShape(VectorOperators.S2I, I, 1));
        return ((FloatVector) i.convertShape(VectorOperators.I2F, F, 0)).fma(FloatVector.broadcast(F, scale), acc);
    }

    /** As above for two halves of a block's products, each product of 16 bits (|qw qa| <= 127 * 127). */
    private static FloatVector accumulate(ShortVector p0, ShortVector p1, float scale, FloatVector acc) {
        if (WIDE) {
            IntVector i = ((IntVector) p0.convertShape(VectorOperators.S2I, I512, 0)).add((IntVector) p1.convertShape(VectorOperators.S2I, I512, 0));
            return ((FloatVector) i.convertShape(VectorOperators.I2F, F512, 0)).fma(FloatVector.broadcast(F512, scale), acc);
        }
        IntVector i = ((IntVector) p0.convertShape(VectorOperators.S2I, I, 0)).add((IntVector) p0.convertShape(VectorOperators.S2I, I, 1))
                .add((IntVector) p1.convertShape(VectorOperators.S2I, I, 0)).add((IntVector) p1.convertShape(VectorOperators.S2I, I, 1));
        return ((FloatVector) i.convertShape(VectorOperators.I2F, F, 0)).fma(FloatVector.broadcast(F, scale), acc);
    }

    private static ShortVector widen(ByteVector v) {
        return (ShortVector) v.convertShape(VectorOperators.B2S, S, 0);
    }
}
