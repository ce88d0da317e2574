package dev.dlforge.llm.kernel;

import dev.dlforge.llm.tensor.Half;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.TensorInfo;
import dev.dlforge.llm.tensor.RowCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class KernelTest {
    private static final int ROWS = 37;
    private static final int COLS = 96;

    /** A random {@code (ROWS, COLS)} matrix of {@code type}: random bytes with sane f16 scales for the quantised types. */
    private static WeightMatrix random(GgmlType type, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ByteBuffer b = ByteBuffer.allocate((int) type.bytes((long) ROWS * COLS)).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case F32 -> {
                while (b.hasRemaining()) {
                    b.putFloat((float) r.nextGaussian());
                }
            }
            case F16 -> {
                while (b.hasRemaining()) {
                    b.putShort(Half.fromFloat((float) r.nextGaussian()));
                }
            }
            default -> {
                while (b.hasRemaining()) {
                    b.putShort(Half.fromFloat((float) (0.01 + r.nextDouble() * 0.05)));
                    for (int i = 2; i < type.blockBytes(); i++) {
                        b.put((byte) r.nextInt(256));
                    }
                }
            }
        }
        b.flip();
        return WeightMatrix.of(new TensorInfo("w", new long[] {COLS, ROWS}, type, 0), b);
    }

    private static float[][] inputs(int batch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[batch][COLS];
        for (float[] row : x) {
            for (int i = 0; i < COLS; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    /** The input as the type reads it, back in floats: Q8_0-dequantised for quantised weights, f16-rounded for F16. */
    private static float[] seenInput(GgmlType type, MatInput in, int b) {
        float[] x = new float[COLS];
        for (int i = 0; i < COLS; i++) {
            x[i] = switch (type) {
                case F32 -> in.x[b][i];
                case F16 -> in.f16(b)[i];
                default -> in.q8(b)[i] * in.q8Scale(b)[i / 32];
            };
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "F16", "Q8_0", "Q4_0"})
    void aBatchedProductEqualsTheDoubleSumOverDequantisedRows(GgmlType type) {
        WeightMatrix w = random(type, 1);
        int batch = 6; // four inputs per weight block, then two one by one
        MatInput in = new MatInput(inputs(batch, 2));
        float[][] out = new float[batch][ROWS];
        try (RowPool pool = new RowPool(2)) {
            pool.multiply(in, new RowPool.Product(w, out));
        }
        float[] row = new float[COLS];
        for (int b = 0; b < batch; b++) {
            float[] x = seenInput(type, in, b);
            for (int r = 0; r < ROWS; r++) {
                w.row(r, row);
                double ref = 0;
                for (int c = 0; c < COLS; c++) {
                    ref += (double) row[c] * x[c];
                }
                assertThat((double) out[b][r]).as("%s row %d input %d", type, r, b).isCloseTo(ref, within(1e-4 * (1 + Math.abs(ref))));
            }
        }
    }

    /**
     * The fused k-quant kernels dequantise in registers to the codec's floats: their products equal the double sums
     * over the codec's rows, on rows of two 256-element super-blocks with gaussian weights quantised by the codec.
     */
    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_1", "Q4_K", "Q5_K", "Q6_K"})
    void fusedKQuantProductsEqualTheDoubleSumOverTheCodecsRows(GgmlType type) {
        int rows = 19;
        int cols = 512;
        SplittableRandom r = new SplittableRandom(8);
        float[] weights = new float[rows * cols];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (r.nextGaussian() * 0.05);
        }
        RowCodec codec = RowCodec.of(type);
        ByteBuffer data = ByteBuffer.wrap(codec.quantise(weights)).order(ByteOrder.LITTLE_ENDIAN);
        WeightMatrix w = WeightMatrix.of(new TensorInfo("w", new long[] {cols, rows}, type, 0), data);
        assertThat(w).isInstanceOf(FusedDequantMatrix.class);
        float[][] x = new float[3][cols];
        for (float[] row : x) {
            for (int i = 0; i < cols; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        float[][] out = new float[3][rows];
        w.multiply(new MatInput(x), out);
        float[] decoded = codec.dequantise(data, rows * cols);
        for (int b = 0; b < x.length; b++) {
            for (int row = 0; row < rows; row++) {
                double ref = 0;
                for (int c = 0; c < cols; c++) {
                    ref += (double) decoded[row * cols + c] * x[b][c];
                }
                assertThat((double) out[b][row]).as("%s row %d input %d (vector kernels: %s)", type, row, b, Simd.ENABLED)
                        .isCloseTo(ref, within(1e-4 * (1 + Math.abs(ref))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q8_0", "Q4_0"})
    void theScalarLoopAgreesWithTheVectorOne(GgmlType type) {
        WeightMatrix w = random(type, 3);
        MatInput in = MatInput.of(inputs(1, 4)[0]);
        float[][] out = new float[1][ROWS];
        w.multiply(in, out);
        for (int r = 0; r < ROWS; r++) {
            int off = (int) type.bytes((long) r * COLS);
            float scalar = w instanceof Q4Matrix q4 ? q4.scalar(off, in.q8(0), in.q8Scale(0), COLS / 32)
                    : ((Q8Matrix) w).scalar(off, in.q8(0), in.q8Scale(0), COLS / 32);
            assertThat(out[0][r]).isCloseTo(scalar, within(1e-5f * (1 + Math.abs(scalar))));
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q8_0", "Q4_0"})
    void rowsPackedAsTheyAreMultipliedGiveTheProductsOfAMatrixPackedAtLoad(GgmlType type) {
        WeightMatrix atLoad = random(type, 5);
        WeightMatrix byRow;
        System.setProperty("dlforge.llm.packAtLoad", "false");
        try {
            byRow = random(type, 5);
        } finally {
            System.clearProperty("dlforge.llm.packAtLoad");
        }
        assertThat(((IntegerDotMatrix) atLoad).packedAtLoad()).isEqualTo(Simd.ENABLED);
        assertThat(((IntegerDotMatrix) byRow).packedAtLoad()).isFalse();
        MatInput in = new MatInput(inputs(5, 6));
        float[][] a = new float[5][ROWS];
        float[][] b = new float[5][ROWS];
        atLoad.multiply(in, a);
        byRow.multiply(in, b);
        assertThat(b).isDeepEqualTo(a);
    }

    @Test
    void activationsQuantiseAsLlamaCppDoes() {
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) {
            x[i] = (i - 16) * 0.25f;
        }
        short[] q = new short[32];
        float[] d = new float[1];
        MatInput.quantise(x, q, d);
        assertThat(d[0]).isEqualTo(Half.round(4f / 127));
        assertThat(q[0]).isEqualTo((short) -127);
        assertThat(q[16]).isZero();
        assertThat(q[31]).isEqualTo((short) Math.rint(3.75f * 127 / 4));
    }

    @Test
    void halvesRoundTripAndRoundToNearestEven() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Half.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertThat(Half.fromFloat(f)).as("half 0x%04x", h).isEqualTo((short) h);
            }
        }
        assertThat(Half.toFloat(Half.fromFloat(1f + 0x1p-11f))).as("a tie rounds to even").isEqualTo(1f);
        assertThat(Half.toFloat(Half.fromFloat(1f + 3 * 0x1p-11f))).isEqualTo(1f + 0x1p-9f);
        assertThat(Half.toFloat(Half.fromFloat(70000f))).isInfinite();
        assertThat(Half.toFloat(Half.fromFloat(0x1p-25f * 3))).isEqualTo(0x1p-23f);
    }

    @Test
    void ropeRotatesTheRightPairsAndKeepsNorms() {
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        Rope normal = new Rope(8, 10000f, 1f, Rope.Ordering.NORMAL);
        float[] atZero = x.clone();
        normal.apply(atZero, 0, 1, 8, 0);
        assertThat(atZero).containsExactly(x);
        float[] n = x.clone();
        normal.apply(n, 0, 1, 8, 3);
        assertThat(n[0]).isCloseTo((float) (Math.cos(3) * 1 - Math.sin(3) * 2), within(1e-5f));
        assertThat(n[1]).isCloseTo((float) (Math.sin(3) * 1 + Math.cos(3) * 2), within(1e-5f));
        float[] neox = x.clone();
        new Rope(8, 10000f, 1f, Rope.Ordering.NEOX).apply(neox, 0, 1, 8, 3);
        assertThat(neox[0]).isCloseTo((float) (Math.cos(3) * 1 - Math.sin(3) * 5), within(1e-5f));
        assertThat(neox[4]).isCloseTo((float) (Math.sin(3) * 1 + Math.cos(3) * 5), within(1e-5f));
        float[] scaled = x.clone();
        new Rope(8, 10000f, 0.5f, Rope.Ordering.NORMAL).apply(scaled, 0, 1, 8, 6);
        assertThat(scaled).as("linear scaling 1/2 at position 6 is position 3").containsExactly(n);
        assertThat(norm(n)).isCloseTo(norm(x), within(1e-4));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }

    @Test
    void normsAndSoftmaxFollowTheirFormulas() {
        float[] x = {1, 2, 3, 4};
        float[] out = new float[4];
        RmsNorm.rmsNorm(out, x, new float[] {1, 1, 2, 1}, 0f, 4);
        float rms = (float) Math.sqrt(30.0 / 4);
        assertThat(out).containsExactly(new float[] {1 / rms, 2 / rms, 6 / rms, 4 / rms}, within(1e-6f));
        RmsNorm.layerNorm(out, x, new float[] {1, 1, 1, 1}, new float[] {0, 0, 0, 1}, 0f, 4);
        assertThat(out[0]).isCloseTo((float) (-1.5 / Math.sqrt(1.25)), within(1e-6f));
        float[] s = {0, (float) Math.log(3), 0};
        Activations.softmax(s, 1, 2);
        assertThat(s).containsExactly(new float[] {0, 0.75f, 0.25f}, within(1e-6f));
        assertThat(Activations.silu(0f)).isZero();
        assertThat(Activations.silu(2f)).isCloseTo((float) (2 / (1 + Math.exp(-2))), within(1e-6f));
    }

    @Test
    void thePoolSplitsWorkAndPassesFailuresOn() {
        WeightMatrix w = random(GgmlType.Q4_0, 5);
        WeightMatrix v = random(GgmlType.Q8_0, 6);
        MatInput in = new MatInput(inputs(2, 7));
        float[][] one = new float[2][2 * ROWS];
        float[][] two = new float[2][2 * ROWS];
        try (RowPool single = new RowPool(1); RowPool pool = new RowPool(3)) {
            single.multiply(in, new RowPool.Product(w, one), new RowPool.Product(v, one, ROWS));
            pool.multiply(in, new RowPool.Product(w, two), new RowPool.Product(v, two, ROWS));
            assertThat(two).isDeepEqualTo(one);
            assertThatThrownBy(() -> pool.parallelFor(10, i -> {
                if (i == 7) {
                    throw new IllegalStateException("task 7");
                }
            })).hasMessage("task 7");
            int[] hits = new int[100];
            pool.parallelFor(100, i -> hits[i]++);
            assertThat(hits).containsOnly(1);
        }
    }
}
