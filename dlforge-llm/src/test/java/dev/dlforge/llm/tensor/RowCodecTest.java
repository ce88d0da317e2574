package dev.dlforge.llm.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.llm.gguf.GgmlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API the engine uses: any block-aligned range of a buffer, read in place, whatever the buffer's order. */
class RowCodecTest {
    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void aRangeDecodesAsTheSameSliceOfTheWholeAndLeavesTheBufferAlone(GgmlType type) {
        RowCodec codec = RowCodec.of(type);
        float[] x = TestRows.gaussian(5, 256 * 4, 1.0);
        ByteBuffer data = ByteBuffer.wrap(codec.quantise(x)).order(ByteOrder.BIG_ENDIAN).asReadOnlyBuffer();
        data.position(3);
        float[] whole = codec.dequantise(data, x.length);
        float[] part = new float[256 + 7];
        codec.dequantise(data, 512, part, 7, 256);
        assertThat(Arrays.copyOfRange(part, 7, part.length)).containsExactly(Arrays.copyOfRange(whole, 512, 768));
        assertThat(data.position()).isEqualTo(3);
        assertThat(data.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_0", "Q6_K"})
    void rangesThatSplitABlockOrLeaveTheBufferAreRefused(GgmlType type) {
        RowCodec codec = RowCodec.of(type);
        ByteBuffer data = ByteBuffer.allocate((int) type.bytes(type.blockSize() * 2L));
        float[] out = new float[type.blockSize() * 4];
        assertThatThrownBy(() -> codec.dequantise(data, 1, out, 0, type.blockSize())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not start a block");
        assertThatThrownBy(() -> codec.dequantise(data, 0, out, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole blocks");
        assertThatThrownBy(() -> codec.dequantise(data, type.blockSize(), out, 0, 2 * type.blockSize()))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> codec.quantise(new float[type.blockSize()], 0, type.blockSize(), data.asReadOnlyBuffer(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void quantisingIntoAnOffsetWritesOnlyThoseBytes(GgmlType type) {
        RowCodec codec = RowCodec.of(type);
        float[] x = TestRows.gaussian(9, 256, 1.0);
        int size = (int) type.bytes(256);
        ByteBuffer out = ByteBuffer.allocate(size * 3);
        codec.quantise(x, 0, 256, out, size);
        assertThat(Arrays.copyOfRange(out.array(), size, 2 * size)).isEqualTo(codec.quantise(x));
        assertThat(Arrays.copyOfRange(out.array(), 0, size)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out.array(), 2 * size, 3 * size)).containsOnly(0);
    }
}
