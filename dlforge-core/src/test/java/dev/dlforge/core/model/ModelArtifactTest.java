package dev.dlforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.testing.TestBlocks;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged model folder says which file is wrong, how, and what to do; it never allocates from a lie. */
class ModelArtifactTest {
    @TempDir
    Path dir;

    private static ModelCard card(List<Long> inputShape) {
        return new ModelCard("digits", "mlp", JsonNodeFactory.instance.objectNode(), inputShape, List.of("a", "b"), Map.of(),
                "opencv-digits", "2024-01-01T00:00:00Z", ModelArtifact.FORMAT);
    }

    @Test
    void truncatedWeightsNameTheFileAndBothSizes() throws Exception {
        try (NDManager m = Engines.newManager()) {
            SequentialBlock block = TestBlocks.mlp(m, 4, 3, 2, 1);
            ModelArtifact.save(dir, card(List.of(4L)), block);
            Path weights = dir.resolve("weights.bin");
            long whole = Files.size(weights);
            assertThat(Weights.byteSize(block)).isEqualTo(whole);
            Files.write(weights, Arrays.copyOf(Files.readAllBytes(weights), (int) whole - 10));

            assertThatThrownBy(() -> ModelArtifact.loadWeights(dir, TestBlocks.mlp(m, 4, 3, 2, 2)))
                    .isInstanceOf(DlforgeException.class)
                    .hasMessageStartingWith("model weights " + weights + " are truncated: " + (whole - 10) + " bytes, " + whole
                            + " expected for this model")
                    .hasMessageNotContaining("null")
                    .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("retrain").contains("copy the whole model folder"));
        }
    }

    @Test
    void aDamagedRecordLengthIsRefusedBeforeAllocating() throws Exception {
        try (NDManager m = Engines.newManager()) {
            SequentialBlock block = TestBlocks.mlp(m, 4, 3, 2, 1);
            ModelArtifact.save(dir, card(List.of(4L)), block);
            Path weights = dir.resolve("weights.bin");
            byte[] bytes = Files.readAllBytes(weights);
            int firstLength = 12 + 2 + block.getParameters().get(0).getKey().length();
            ByteBuffer.wrap(bytes).putInt(firstLength, 2_000_000_000);
            Files.write(weights, bytes);
            assertThatThrownBy(() -> ModelArtifact.loadWeights(dir, block)).isInstanceOf(DlforgeException.class)
                    .hasMessageContaining(weights + " are corrupt").hasMessageContaining("claims 2000000000 bytes");
        }
    }

    @Test
    void missingWeightsAreNamed() throws Exception {
        try (NDManager m = Engines.newManager()) {
            assertThatThrownBy(() -> ModelArtifact.loadWeights(dir, TestBlocks.mlp(m, 4, 3, 2, 1)))
                    .isInstanceOf(DlforgeException.class).hasMessage("model " + dir + " has no weights.bin");
        }
    }

    private Path cardClaiming(Object inputShape) throws Exception {
        ObjectNode json = Json.MAPPER.valueToTree(card(List.of(1L, 28L, 28L)));
        json.set("inputShape", Json.MAPPER.valueToTree(inputShape));
        return Files.writeString(dir.resolve("model.json"), Json.write(json));
    }

    @Test
    void aCardClaimingAHugeInputIsRefusedWhenRead() throws Exception {
        Path file = cardClaiming(List.of(1, 100_000, 100_000));
        assertThatThrownBy(() -> ModelArtifact.readCard(dir)).isInstanceOf(DlforgeException.class)
                .hasMessage("model card " + file + " claims input shape [1, 100000, 100000]: one example would hold more than "
                        + ModelCardLimits.MAX_INPUT_ELEMENTS + " values")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("retrain"));
        cardClaiming(List.of(Long.MAX_VALUE, Long.MAX_VALUE));
        assertThatThrownBy(() -> ModelArtifact.readCard(dir)).hasMessageContaining("more than " + ModelCardLimits.MAX_INPUT_ELEMENTS);
    }

    @Test
    void aCardWithAnEmptyOrNegativeAxisIsRefused() throws Exception {
        cardClaiming(List.of(1, 0, 28));
        assertThatThrownBy(() -> ModelArtifact.readCard(dir)).hasMessageContaining("axis 2 is 0; each must be at least 1");
        cardClaiming(List.of(-5));
        assertThatThrownBy(() -> ModelArtifact.readCard(dir)).hasMessageContaining("axis 1 is -5");
    }

    @Test
    void cardsOfEveryKindWrittenTodayAreAccepted() throws Exception {
        for (List<Long> shape : List.of(List.of(1L, 28L, 28L), List.of(-1L, 256L), List.of(-1L), List.<Long>of(), List.of(3L, 4096L, 4096L))) {
            Files.writeString(dir.resolve("model.json"), Json.write(card(shape)));
            assertThat(ModelArtifact.readCard(dir).inputShape()).isEqualTo(shape);
        }
    }
}
