package dev.dlforge.llm.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfTest {
    private static int half(float f) {
        return Half.fromFloat(f) & 0xFFFF;
    }

    @Test
    void knownValuesRoundToNearestEven() {
        assertThat(half(1f)).isEqualTo(0x3C00);
        assertThat(half(-2f)).isEqualTo(0xC000);
        assertThat(half(65504f)).isEqualTo(0x7BFF);
        assertThat(half(65519.99f)).isEqualTo(0x7BFF);
        assertThat(half(65520f)).as("the tie above the largest half goes to infinity").isEqualTo(0x7C00);
        assertThat(half(1e10f)).isEqualTo(0x7C00);
        assertThat(half(Float.NEGATIVE_INFINITY)).isEqualTo(0xFC00);
        assertThat(half(Float.NaN)).isEqualTo(0x7E00);
        assertThat(half(Float.intBitsToFloat(0xFFC00001))).as("negative NaN").isEqualTo(0xFE00);
        assertThat(half(-0f)).isEqualTo(0x8000);
        assertThat(half(0x1p-24f)).as("smallest subnormal").isEqualTo(0x0001);
        assertThat(half(0x1p-25f)).as("tie between 0 and the smallest subnormal: even").isEqualTo(0x0000);
        assertThat(half(0x1.8p-24f)).as("tie between 1 and 2 units: even").isEqualTo(0x0002);
        assertThat(half(0x1.ffcp-15f)).as("tie above the largest subnormal: the smallest normal").isEqualTo(0x0400);
        assertThat(half(1f + 0x1p-11f)).as("tie at 1 + half an ulp: even").isEqualTo(0x3C00);
        assertThat(half(1f + 0x1.8p-10f)).as("tie at 1 + 1.5 ulp: even").isEqualTo(0x3C02);
    }

    @Test
    void everyHalfSurvivesARoundTripAndEveryMidpointGoesToTheEvenNeighbour() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Half.toFloat((short) h);
            if (Float.isNaN(f)) {
                assertThat(half(f)).isEqualTo(h & 0x8000 | 0x7E00);
                continue;
            }
            assertThat(half(f)).as("0x%04x", h).isEqualTo(h);
            int next = h + 1;
            if ((next & 0x7FFF) < 0x7C00 && (h & 0x8000) == (next & 0x8000)) { // finite neighbours (65520 is tested above)
                float mid = (float) (((double) f + Half.toFloat((short) next)) / 2);
                assertThat(half(mid)).as("midpoint above 0x%04x", h).isEqualTo((h & 1) == 0 ? h : next);
                assertThat(half(Math.nextDown(Math.abs(mid)) * Math.signum(mid))).isEqualTo(h);
                assertThat(half(Math.nextUp(Math.abs(mid)) * Math.signum(mid))).isEqualTo(next);
            }
        }
    }

    @Test
    void halfToFloatKeepsNaNPayloadsQuiet() {
        assertThat(Float.floatToRawIntBits(Half.toFloat((short) 0x7C01))).isEqualTo(0x7FC02000);
        assertThat(Half.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Half.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(Half.toFloat((short) 0x8400)).isEqualTo(-0x1p-14f);
    }

    @Test
    void bfloat16RoundsToNearestEvenAndQuietsNaNs() {
        assertThat(BFloat16.fromFloat(1f)).isEqualTo((short) 0x3F80);
        assertThat(BFloat16.fromFloat(Float.intBitsToFloat(0x3F808000))).as("tie: even").isEqualTo((short) 0x3F80);
        assertThat(BFloat16.fromFloat(Float.intBitsToFloat(0x3F818000))).as("tie: even").isEqualTo((short) 0x3F82);
        assertThat(BFloat16.fromFloat(Float.intBitsToFloat(0x3F808001))).isEqualTo((short) 0x3F81);
        assertThat(BFloat16.fromFloat(Float.intBitsToFloat(0x7F800001))).as("signalling NaN made quiet").isEqualTo((short) 0x7FC0);
        assertThat(BFloat16.fromFloat(Float.MAX_VALUE)).as("overflows to infinity").isEqualTo((short) 0x7F80);
        assertThat(BFloat16.fromFloat(Float.MIN_VALUE)).as("subnormals kept, here rounded to 0").isEqualTo((short) 0);
        assertThat(BFloat16.toFloat((short) 0xBF80)).isEqualTo(-1f);
    }
}
