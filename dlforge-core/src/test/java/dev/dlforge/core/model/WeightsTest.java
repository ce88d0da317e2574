package dev.dlforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.testing.TestBlocks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeightsTest {
    @Test
    void roundTripCopiesValuesIntoTheExistingArrays() throws Exception {
        try (NDManager m = Engines.newManager()) {
            SequentialBlock a = TestBlocks.mlp(m, 4, 3, 2, 1);
            SequentialBlock b = TestBlocks.mlp(m, 4, 3, 2, 2);
            var arrayOfB = b.getParameters().get(0).getValue().getArray();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Weights.write(a, new DataOutputStream(bytes));
            Weights.read(b, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(b.getParameters().get(0).getValue().getArray()).isSameAs(arrayOfB);
            assertThat(arrayOfB.toFloatArray()).isEqualTo(a.getParameters().get(0).getValue().getArray().toFloatArray());
        }
    }

    @Test
    void weightsOfAnotherShapeAreRejectedWithTheShapes() throws Exception {
        try (NDManager m = Engines.newManager()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Weights.write(TestBlocks.mlp(m, 4, 3, 2, 1), new DataOutputStream(bytes));
            SequentialBlock wider = TestBlocks.mlp(m, 4, 5, 2, 1);
            assertThatThrownBy(() -> Weights.read(wider, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                    .hasMessageContaining("the model expects").hasMessageContaining("(5, 4)");
        }
    }

    @Test
    void garbageIsNotAWeightsFile() {
        try (NDManager m = Engines.newManager()) {
            SequentialBlock block = TestBlocks.mlp(m, 4, 3, 2, 1);
            assertThatThrownBy(() -> Weights.read(block, new DataInputStream(new ByteArrayInputStream("hello world".getBytes()))))
                    .hasMessageContaining("bad magic number");
        }
    }

    /** The weights of {@code block} as written, with the first parameter's record in place of the second's. */
    private static byte[] firstRecordTwice(SequentialBlock block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x444C4657);
        out.writeInt(1);
        out.writeInt(block.getParameters().size());
        for (int i = 0; i < block.getParameters().size(); i++) {
            var first = block.getParameters().get(i == 1 ? 0 : i);
            out.writeUTF(first.getKey());
            ArrayRecords.write(out, first.getValue().getArray());
        }
        return bytes.toByteArray();
    }

    @Test
    void aNameListedTwiceIsRejected() throws Exception {
        try (NDManager m = Engines.newManager()) {
            SequentialBlock block = TestBlocks.mlp(m, 4, 3, 2, 1);
            byte[] twice = firstRecordTwice(block);
            assertThatThrownBy(() -> Weights.read(block, new DataInputStream(new ByteArrayInputStream(twice))))
                    .hasMessageContaining("twice");
        }
    }

    @Test
    void aTruncatedOrCorruptRecordIsAnIOException() throws Exception {
        try (NDManager m = Engines.newManager()) {
            SequentialBlock block = TestBlocks.mlp(m, 4, 3, 2, 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Weights.write(block, new DataOutputStream(bytes));
            byte[] all = bytes.toByteArray();
            byte[] corrupt = all.clone();
            int firstRecord = 12 + 2 + block.getParameters().get(0).getKey().length() + 4;
            for (int i = firstRecord; i < firstRecord + 12; i++) {
                corrupt[i] = (byte) 0xFF; // DJL's header: magic and version of the encoding
            }
            for (byte[] damaged : new byte[][] {Arrays.copyOf(all, all.length - 7), corrupt}) {
                assertThatThrownBy(() -> Weights.read(block, new DataInputStream(new ByteArrayInputStream(damaged))))
                        .isInstanceOf(IOException.class);
            }
        }
    }
}
