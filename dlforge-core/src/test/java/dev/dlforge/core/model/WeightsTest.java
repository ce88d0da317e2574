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
}
