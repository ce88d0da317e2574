package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import org.junit.jupiter.api.Test;

class BiLstmTaggerTest {

    @Test
    void emissionsHaveOneScorePerTokenAndTag() {
        try (NDManager m = Engines.newManager()) {
            BiLstmTagger tagger = new BiLstmTagger(new BiLstmTagger.Config(50, 16, 20, 8, 7, 4, 12, 0.1f, 5));
            tagger.initialize(m, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1));
            NDArray ids = m.create(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, new Shape(2, 5));
            NDArray out = tagger.forward(new ParameterStore(m, false), new NDList(ids, ids, ids.mod(7)), false).head();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 5, 5));
        }
    }
}
