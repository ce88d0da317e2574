package dev.dlforge.projects.serving.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every output shape goes to JSON with its {@code type} and the field names the API documents, and back. */
class OutputJsonTest {
    static final Map<String, Output> EXAMPLES = Map.of(
            "classes", new Classes("spam", 0.97, List.of(new Classes.Score("spam", 0.97), new Classes.Score("ham", 0.03)), 0.9, "spam when p(spam) >= 0.9"),
            "tags", new Tags(List.of(new Tags.Token("The", "DET", 0.99), new Tags.Token("dog", "NOUN", 0.95))),
            "text", new GeneratedText(" and the sea", 3, 4, "length", 120.5),
            "answer", new CitedAnswer("Whales breathe air [1]", true,
                    List.of(new CitedAnswer.Sentence("Whales breathe air.", new CitedAnswer.Citation("/d/whales.md", "Lungs", 0, 10, 29), 0.81)),
                    List.of(new CitedAnswer.Passage("Whales breathe air. They dive.", new CitedAnswer.Citation("/d/whales.md", "Lungs", 0, 10, 40), 0.7))),
            "boxes", new Boxes(64, 48, List.of(new Boxes.Box("plate", 0.93, 4, 5, 30, 10))),
            "picture", Picture.png(square()));

    @Test
    void everyShapeRoundTripsWithItsTypeName() throws Exception {
        assertThat(EXAMPLES.keySet()).as("one example per permitted type").hasSize(Output.class.getPermittedSubclasses().length);
        for (Map.Entry<String, Output> e : EXAMPLES.entrySet()) {
            String json = Json.write(e.getValue());
            assertThat(Json.MAPPER.readTree(json).get("type").asText()).as(json).isEqualTo(e.getKey());
            assertThat(Json.MAPPER.readValue(json, Output.class)).as(json).isEqualTo(e.getValue());
        }
    }

    @Test
    void fieldNamesAreTheApis() throws Exception {
        JsonNode classes = tree("classes");
        assertThat(fields(classes)).containsExactly("type", "label", "probability", "top", "threshold", "rule");
        assertThat(fields(classes.get("top").get(0))).containsExactly("label", "probability");
        Classes image = Classes.ofTop(List.of(new Classes.Score("7", 0.9)));
        assertThat(fields(Json.MAPPER.readTree(Json.write(image)))).as("no threshold, no rule: absent").containsExactly("type", "label", "probability", "top");
        assertThat(fields(tree("tags").get("tokens").get(0))).containsExactly("token", "tag", "probability");
        assertThat(fields(tree("text"))).containsExactly("type", "text", "prompt_tokens", "generated_tokens", "finish_reason", "tokens_per_second");
        JsonNode answer = tree("answer");
        assertThat(fields(answer)).containsExactly("type", "answer", "answered", "sentences", "passages");
        assertThat(fields(answer.get("sentences").get(0).get("citation"))).containsExactly("source", "heading", "page", "start", "end");
        assertThat(fields(tree("boxes").get("boxes").get(0))).containsExactly("label", "score", "x", "y", "width", "height");
        JsonNode picture = tree("picture");
        assertThat(fields(picture)).containsExactly("type", "media_type", "image", "width", "height");
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(picture.get("image").asText())));
        assertThat(decoded.getRGB(1, 1)).as("the base64 is the PNG").isEqualTo(Color.RED.getRGB());
    }

    @Test
    void aListOfOutputsKeepsEachType() throws Exception {
        JsonNode list = Json.MAPPER.readTree(Json.write(List.of(EXAMPLES.get("tags"), EXAMPLES.get("boxes"))));
        assertThat(list.get(0).get("type").asText()).isEqualTo("tags");
        assertThat(list.get(1).get("type").asText()).isEqualTo("boxes");
    }

    @Test
    void impossibleShapesAreRefused() {
        assertThatThrownBy(() -> new Boxes(0, 10, List.of())).hasMessageContaining("at least 1x1");
        assertThatThrownBy(() -> new Boxes.Box("x", 1, 0, 0, -1, 2)).hasMessageContaining("negative size");
        assertThatThrownBy(() -> new Picture("image/png", new byte[0], 1, 1)).hasMessageContaining("needs bytes");
        assertThat(new Picture("image/jpeg", new byte[] {1}, 1, 1).extension()).isEqualTo("jpg");
    }

    private JsonNode tree(String type) throws Exception {
        return Json.MAPPER.readTree(Json.write(EXAMPLES.get(type)));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static BufferedImage square() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int[] p : new int[][] {{0, 0}, {1, 0}, {2, 0}, {0, 1}, {1, 1}, {2, 1}}) {
            image.setRGB(p[0], p[1], Color.RED.getRGB());
        }
        return image;
    }
}
