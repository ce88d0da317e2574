package dev.dlforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.dlforge.core.engine.Engines;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class HalfPrecisionTest {
    @Test
    void float16KnownValuesWidenExactly() {
        assertThat(HalfPrecision.float16ToFloat((short) 0x3C00)).isEqualTo(1.0f);
        assertThat(HalfPrecision.float16ToFloat((short) 0xC000)).isEqualTo(-2.0f);
        assertThat(HalfPrecision.float16ToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(HalfPrecision.float16ToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(HalfPrecision.float16ToFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(HalfPrecision.float16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfPrecision.float16ToFloat((short) 0x03FF)).isEqualTo(1023 * 0x1p-24f);
        assertThat(HalfPrecision.float16ToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfPrecision.float16ToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfPrecision.float16ToFloat((short) 0x7E00)).isNaN();
        assertThat(Float.floatToRawIntBits(HalfPrecision.float16ToFloat((short) 0x8000))).isEqualTo(0x80000000);
    }

    @Test
    void bfloat16KnownValuesWidenExactly() {
        assertThat(HalfPrecision.bfloat16ToFloat((short) 0x3F80)).isEqualTo(1.0f);
        assertThat(HalfPrecision.bfloat16ToFloat((short) 0xC040)).isEqualTo(-3.0f);
        assertThat(HalfPrecision.bfloat16ToFloat((short) 0x4049)).isEqualTo(3.140625f);
        assertThat(HalfPrecision.bfloat16ToFloat((short) 0x7F80)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfPrecision.bfloat16ToFloat((short) 0x0001)).isEqualTo(Float.intBitsToFloat(0x10000));
    }

    /**
     * PyTorch's own half-to-float cast is the oracle for every one of the 65,536 bit patterns. (DJL's
     * PyTorch engine aborts the JVM when asked for a BFLOAT16 array, so BF16, a plain shift, is checked
     * on known values only.)
     */
    @Test
    void everyFloat16PatternMatchesPyTorch() {
        ByteBuffer all = ByteBuffer.allocateDirect(2 * 65536).order(ByteOrder.nativeOrder());
        for (int i = 0; i < 65536; i++) {
            all.putShort((short) i);
        }
        all.flip();
        try (NDManager m = Engines.newManager()) {
            float[] f16 = m.create(all, new Shape(65536), DataType.FLOAT16).toType(DataType.FLOAT32, true).toFloatArray();
            for (int i = 0; i < 65536; i++) {
                // bit-exact, so signed zeros and NaN payloads are compared too
                assertThat(Float.floatToRawIntBits(HalfPrecision.float16ToFloat((short) i))).as("F16 0x%04x", i)
                        .isEqualTo(Float.floatToRawIntBits(f16[i]));
            }
        }
    }
}
