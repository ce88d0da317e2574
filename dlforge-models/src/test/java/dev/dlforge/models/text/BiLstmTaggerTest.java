package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.engine.Engines;
import org.assertj.core.data.Offset;
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

    @Test
    void aSentencesTagScoresDoNotDependOnThePaddingOfItsBatch() {
        try (NDManager m = Engines.newManager()) {
            BiLstmTagger tagger = new BiLstmTagger(new BiLstmTagger.Config(50, 16, 20, 8, 7, 4, 12, 0.1f, 5));
            tagger.initialize(m, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1));
            ParameterStore store = new ParameterStore(m, false);
            NDArray alone = m.create(new int[] {4, 9, 13}, new Shape(1, 3));
            // The same sentence padded to 6 beside a longer one.
            NDArray batch = m.create(new int[] {4, 9, 13, 0, 0, 0, 7, 8, 9, 10, 11, 12}, new Shape(2, 6));
            float[] a = tagger.forward(store, new NDList(alone, alone, alone.mod(7)), false).head().toFloatArray();
            NDArray b = tagger.forward(store, new NDList(batch, batch, batch.mod(7)), false).head();  // (2, 6, 5)
            float[] first = b.get("0, 0:3, :").toFloatArray();
            assertThat(first).containsExactly(a, Offset.offset(1e-5f));
        }
    }
}
