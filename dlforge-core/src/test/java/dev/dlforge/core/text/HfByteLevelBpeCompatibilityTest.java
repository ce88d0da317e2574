package dev.dlforge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** The reference oracle: Hugging Face's own tokenizers library (Rust, through DJL) reads our file. */
@EndToEnd
class HfByteLevelBpeCompatibilityTest {

    @Test
    void huggingFaceTokenizersGiveOurIdsForOurSavedTokenizer(@TempDir Path dir) throws Exception {
        Random random = new Random(11);
        List<String> training = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            training.add(RandomText.sentence(random, 30));
        }
        ByteLevelBpe ours = ByteLevelBpeTrainer.train(training, 1000, List.of("<|endoftext|>"));
        Path file = dir.resolve("tokenizer.json");
        ours.save(file);

        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(file,
                Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"))) {
            for (int i = 0; i < 3000; i++) {
                String s = RandomText.sentence(random, 40);
                if (i % 100 == 0) {
                    s = s + "<|endoftext|>" + RandomText.sentence(random, 10);
                }
                int[] expected = Arrays.stream(hf.encode(s).getIds()).mapToInt(Math::toIntExact).toArray();
                assertThat(ours.encode(s)).as("ids of %s", s).isEqualTo(expected);
            }
        }
    }
}
