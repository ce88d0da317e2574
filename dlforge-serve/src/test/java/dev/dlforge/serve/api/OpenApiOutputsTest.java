package dev.dlforge.serve.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.io.Json;
import dev.dlforge.projects.serving.output.Boxes;
import dev.dlforge.projects.serving.output.CitedAnswer;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.serving.output.GeneratedText;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.projects.serving.output.Picture;
import dev.dlforge.projects.serving.output.Tags;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** openapi.json documents every output shape as the Java types write it: the discriminator, the fields, the required ones. */
class OpenApiOutputsTest {

    @Test
    void everyOutputTypeIsDocumentedWithTheFieldsItWrites() throws Exception {
        JsonNode schemas;
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/openapi.json")) {
            schemas = Json.MAPPER.readTree(in).get("components").get("schemas");
        }
        assertThat(schemas.at("/Prediction/properties/result/$ref").asText()).isEqualTo("#/components/schemas/Output");
        JsonNode mapping = schemas.at("/Output/discriminator/mapping");
        CitedAnswer.Citation c = new CitedAnswer.Citation("/d/a.md", "", 0, 0, 5);
        List<Output> examples = List.of(new Classes("spam", 0.9, List.of(new Classes.Score("spam", 0.9)), 0.5, "spam when p(spam) >= 0.5"),
                new Tags(List.of(new Tags.Token("a", "DET", 1))), new GeneratedText("x", 1, 1, "stop", 1),
                new CitedAnswer("a [1]", true, List.of(new CitedAnswer.Sentence("a", c, 1)), List.of(new CitedAnswer.Passage("a", c, 1))),
                new Boxes(2, 2, List.of(new Boxes.Box("b", 1, 0, 0, 1, 1))), new Picture("image/png", new byte[] {1}, 1, 1));
        assertThat(examples).hasSize(Output.class.getPermittedSubclasses().length);
        assertThat(mapping.size()).isEqualTo(examples.size());
        for (Output o : examples) {
            JsonNode written = Json.MAPPER.readTree(Json.write(o));
            String ref = mapping.get(o.type()).asText();
            JsonNode schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            assertThat(schema.at("/properties/type/enum/0").asText()).isEqualTo(o.type());
            assertThat(names(schema.get("properties"))).as(o.type()).containsExactlyInAnyOrderElementsOf(names(written));
            schema.get("required").forEach(r -> assertThat(written.has(r.asText())).as(o.type() + " writes " + r).isTrue());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
