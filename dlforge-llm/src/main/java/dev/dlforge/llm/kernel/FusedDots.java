package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import dev.dlforge.llm.tensor.KScales;
import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused dequantise-and-dot loops for the types multiplied in floats (Q4_1, Q4_K, Q5_K, Q6_K): {@code sum_c w[c] * x[c]}
 * where {@code w} is the row as its {@code RowCodec} decodes it. Eight quants at a time are unpacked from a 64-bit byte
 * vector, widened to 8 float lanes and scaled exactly as the codec does ({@code d_j * q - m_j}, a multiply then a
 * subtract, never a fused one, so every weight is bit-identical to the codec's), then multiplied into float accumulators
 * with the activations; the decoded row never goes through memory. Results equal the codec path up to float summation
 * order. Loaded only when {@link Simd#ENABLED}.
 *
 * <p>Each loop reads one row copied to the heap ({@code q}, with {@code bb} a little-endian view of it for the f16 and
 * 6-bit scales): the Vector API of every JDK loads from heap arrays.
 */
final class FusedDots {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int QK = 256;

    private FusedDots() {
    }

    /** Eight quants as float lanes. */
    private static FloatVector floats(ByteVector v) {
        return (FloatVector) v.convertShape(VectorOperators.B2F, F, 0);
    }

    /** Eight bytes {@code q[at .. at + 8)} as int lanes, sign-extended (callers mask the bits they use). */
    private static IntVector ints(byte[] q, int at) {
        return ((IntVector) ByteVector.fromArray(B, q, at).convertShape(VectorOperators.B2I, I, 0));
    }

    /** Eight ints as float lanes. */
    private static FloatVector floats(IntVector v) {
        return (FloatVector) v.convertShape(VectorOperators.I2F, F, 0);
    }

    private static float sum(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    /** Q4_1 (blocks of 32 = f16 d, f16 m, u8 qs[16]; {@code w = q d + m}) row of {@code blocks} blocks, dotted with {@code x}. */
    static float q4_1(ByteBuffer bb, byte[] q, int blocks, float[] x) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        for (int k = 0; k < blocks; k++) {
            int at = 20 * k;
            FloatVector d = FloatVector.broadcast(F, Half.toFloat(bb.getShort(at)));
            FloatVector m = FloatVector.broadcast(F, Half.toFloat(bb.getShort(at + 2)));
            ByteVector v0 = ByteVector.fromArray(B, q, at + 4);
            ByteVector v1 = ByteVector.fromArray(B, q, at + 12);
            int y = 32 * k;
            a0 = floats(v0.and((byte) 0xF)).mul(d).add(m).fma(FloatVector.fromArray(F, x, y), a0);
            a1 = floats(v1.and((byte) 0xF)).mul(d).add(m).fma(FloatVector.fromArray(F, x, y + 8), a1);
            a2 = floats(v0.lanewise(VectorOperators.LSHR, 4)).mul(d).add(m).fma(FloatVector.fromArray(F, x, y + 16), a2);
            a3 = floats(v1.lanewise(VectorOperators.LSHR, 4)).mul(d).add(m).fma(FloatVector.fromArray(F, x, y + 24), a3);
        }
        return sum(a0, a1, a2, a3);
    }

    /** Q4_K (super-blocks of 256 = f16 d, f16 dmin, 12 bytes of 6-bit scales, u8 qs[128]): sub-block j is {@code w = (d s_j) q - dmin m_j}. */
    static float q4k(ByteBuffer bb, byte[] q, int superBlocks, float[] x) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        for (int sb = 0; sb < superBlocks; sb++) {
            int at = sb * 144;
            float d = Half.toFloat(bb.getShort(at));
            float dmin = Half.toFloat(bb.getShort(at + 2));
            for (int pair = 0; pair < 4; pair++) {
                int j = 2 * pair;
                FloatVector d1 = FloatVector.broadcast(F, d * KScales.scale(bb, at + 4, j));
                FloatVector m1 = FloatVector.broadcast(F, dmin * KScales.min(bb, at + 4, j));
                FloatVector d2 = FloatVector.broadcast(F, d * KScales.scale(bb, at + 4, j + 1));
                FloatVector m2 = FloatVector.broadcast(F, dmin * KScales.min(bb, at + 4, j + 1));
                int qo = at + 16 + 32 * pair;
                int y = sb * QK + 64 * pair;
                for (int l = 0; l < 32; l += 16) {
                    ByteVector v0 = ByteVector.fromArray(B, q, qo + l);
                    ByteVector v1 = ByteVector.fromArray(B, q, qo + l + 8);
                    a0 = floats(v0.and((byte) 0xF)).mul(d1).sub(m1).fma(FloatVector.fromArray(F, x, y + l), a0);
                    a1 = floats(v1.and((byte) 0xF)).mul(d1).sub(m1).fma(FloatVector.fromArray(F, x, y + l + 8), a1);
                    a2 = floats(v0.lanewise(VectorOperators.LSHR, 4)).mul(d2).sub(m2).fma(FloatVector.fromArray(F, x, y + 32 + l), a2);
                    a3 = floats(v1.lanewise(VectorOperators.LSHR, 4)).mul(d2).sub(m2).fma(FloatVector.fromArray(F, x, y + 32 + l + 8), a3);
                }
            }
        }
        return sum(a0, a1, a2, a3);
    }

    /**
     * Q5_K (super-blocks of 256 = f16 d, f16 dmin, 12 bytes of 6-bit scales, u8 qh[32] of fifth bits, u8 qs[128]):
     * sub-block j is {@code w = (d s_j) q - dmin m_j}, q's fifth bit bit j of {@code qh[l]}. A pair of sub-blocks per
     * call of {@link #q5Pair} (one loop body this size stays under C2's inlining node limit; larger ones box vectors).
     */
    static float q5k(ByteBuffer bb, byte[] q, int superBlocks, float[] x) {
        float s = 0;
        for (int sb = 0; sb < superBlocks; sb++) {
            int at = sb * 176;
            float d = Half.toFloat(bb.getShort(at));
            float dmin = Half.toFloat(bb.getShort(at + 2));
            for (int j = 0; j < 8; j += 2) {
                s += q5Pair(q, at + 48 + 16 * j, at + 16, j, d * KScales.scale(bb, at + 4, j), dmin * KScales.min(bb, at + 4, j),
                        d * KScales.scale(bb, at + 4, j + 1), dmin * KScales.min(bb, at + 4, j + 1), x, sb * QK + 32 * j);
            }
        }
        return s;
    }

    /** Sub-blocks j and j + 1 of a Q5_K block: low nibbles of {@code q[qs ..]} and bit j of qh, then high ones and bit j + 1. */
    private static float q5Pair(byte[] q, int qs, int qh, int j, float d1, float m1, float d2, float m2, float[] x, int y) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        for (int l = 0; l < 32; l += 8) {
            IntVector v = ints(q, qs + l);
            IntVector h = ints(q, qh + l);
            IntVector lo = v.and(0xF).or(h.lanewise(VectorOperators.LSHR, j).and(1).lanewise(VectorOperators.LSHL, 4));
            IntVector hi = v.lanewise(VectorOperators.LSHR, 4).and(0xF).or(h.lanewise(VectorOperators.LSHR, j + 1).and(1).lanewise(VectorOperators.LSHL, 4));
            a0 = floats(lo).mul(d1).sub(m1).fma(FloatVector.fromArray(F, x, y + l), a0);
            a1 = floats(hi).mul(d2).sub(m2).fma(FloatVector.fromArray(F, x, y + 32 + l), a1);
        }
        return a0.add(a1).reduceLanes(VectorOperators.ADD);
    }

    /**
     * Q6_K (super-blocks of 256 = u8 ql[128], u8 qh[64], int8 scales[16], f16 d): {@code w = (d s_j) (q - 32)}, the 6-bit
     * q gathered from a nibble of ql and two bits of qh as the codec lays them out; two quarters of a half per call of
     * {@link #q6Quarters} (see {@link #q5k} on the size of loop bodies).
     */
    static float q6k(ByteBuffer bb, byte[] q, int superBlocks, float[] x) {
        float s = 0;
        for (int sb = 0; sb < superBlocks; sb++) {
            int at = sb * 210;
            float d = Half.toFloat(bb.getShort(at + 208));
            for (int half = 0; half < 2; half++) {
                int y = sb * QK + 128 * half;
                for (int k = 0; k < 2; k++) {
                    s += q6Quarters(q, at + 64 * half + 32 * k, at + 128 + 32 * half, 2 * k, at + 192 + 8 * half + 2 * k, d, x, y + 32 * k);
                }
            }
        }
        return s;
    }

    /**
     * Elements l (0-31) of quarters k and k + 2 of a Q6_K half: low and high nibbles of {@code q[ql + l]}, their top bits
     * at bits {@code hs, hs + 1} and {@code hs + 4, hs + 5} of {@code q[qh + l]}; scales {@code q[sc + l / 16]} and
     * {@code q[sc + 4 + l / 16]}; activations from {@code y} and {@code y + 64}.
     */
    private static float q6Quarters(byte[] q, int ql, int qh, int hs, int sc, float d, float[] x, int y) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        for (int l = 0; l < 32; l += 8) {
            IntVector v = ints(q, ql + l);
            IntVector h = ints(q, qh + l).lanewise(VectorOperators.LSHR, hs);
            IntVector lo = v.and(0xF).or(h.lanewise(VectorOperators.LSHL, 4).and(0x30)).sub(32);
            IntVector hi = v.lanewise(VectorOperators.LSHR, 4).and(0xF).or(h.and(0x30)).sub(32);
            a0 = floats(lo).mul(d * q[sc + l / 16]).fma(FloatVector.fromArray(F, x, y + l), a0);
            a1 = floats(hi).mul(d * q[sc + 4 + l / 16]).fma(FloatVector.fromArray(F, x, y + 64 + l), a1);
        }
        return a0.add(a1).reduceLanes(VectorOperators.ADD);
    }
}
