package dev.dlforge.data.text;

import dev.dlforge.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;

/** Texts with class labels and groups: what spam, sentiment and topic classifiers train on. */
public interface TextClassificationDataset extends Dataset<LabeledTexts> {

    /**
     * At most {@code limit} examples (0: all), every group in proportion, chosen with {@code seed};
     * what had to be repaired or skipped on the way is counted in {@code repairs}.
     */
    LabeledTexts read(Path dir, int limit, long seed, TextRepairs repairs) throws IOException;

    @Override
    default LabeledTexts read(Path dir) throws IOException {
        return read(dir, 0, 0, new TextRepairs());
    }
}
