package dev.dlforge.projects.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.image.PngBytes;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Payload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the HTTP API gets from an image model for pictures it must refuse: a status that says why. */
class ImagePredictorTest {
    @TempDir
    static Path model;
    private static ImagePredictor predictor;

    /** An untrained digits MLP saved as a real model artifact: decoding needs no trained weights. */
    @BeforeAll
    static void load() throws Exception {
        ImageClassifierProject digits = Catalogue.standard().capable("digits", ImageClassifierProject.class);
        ImageClassifierRecipe recipe = digits.defaults("mlp");
        try (NDManager manager = Engines.newManager()) {
            Block block = digits.newInitializedModel(recipe, 1, 28, 28, 10, manager);
            ModelCard card = new ModelCard("digits", "mlp", Json.MAPPER.valueToTree(recipe), List.of(1L, 28L, 28L),
                    IntStream.range(0, 10).mapToObj(String::valueOf).toList(), Map.of(), recipe.dataset(), "2024-01-01T00:00:00Z",
                    ModelArtifact.FORMAT);
            ModelArtifact.save(model, card, block);
        }
        predictor = digits.predictor(model);
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @Test
    void anImageOverTheSizeLimitsIs413AndARealPictureStillPredicts() {
        byte[] bomb = PngBytes.headerOnly(20_000, 20_000, PngBytes.RGBA);
        assertThatThrownBy(() -> predictor.decode(new Payload("image/png", bomb, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("20000x20000").hasMessageContaining("over the limit");
        String json = "{\"image\": \"" + Base64.getEncoder().encodeToString(PngBytes.black(9000, 10)) + "\"}";
        assertThatThrownBy(() -> predictor.decode(new Payload("application/json", json.getBytes(StandardCharsets.UTF_8), Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(413));

        ImagePredictor.Input ok = predictor.decode(new Payload("image/png", PngBytes.black(280, 280), Map.of()));
        assertThat(predictor.predict(List.of(ok))).singleElement().satisfies(c -> assertThat(c.top()).hasSize(10));
    }

    @Test
    void aPngWithABadCrcIs400() {
        byte[] png = PngBytes.black(28, 28);
        png[png.length - 13] ^= 1; // IDAT's CRC
        assertThatThrownBy(() -> predictor.decode(new Payload("image/png", png, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("bad CRC");
    }
}
