package dev.dlforge.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import org.junit.jupiter.api.Test;

class RecipeJsonTest {
    record Plain(int epochs, String model) {}

    @RecipeSchema(3)
    record Third(int epochs) {}

    @Test
    void writesTheSchemaBesideTheFieldsAndReadsItBack() {
        ObjectNode tree = RecipeJson.write(new Plain(5, "cnn"));
        assertThat(tree.get("schema").asInt()).isEqualTo(1);
        assertThat(tree.get("epochs").asInt()).isEqualTo(5);
        assertThat(RecipeJson.read(tree, Plain.class, "run x")).isEqualTo(new Plain(5, "cnn"));
    }

    @Test
    void aRecipeWrittenBeforeVersionsWereRecordedReadsAsVersionOne() {
        ObjectNode old = Json.MAPPER.valueToTree(new Plain(2, "mlp"));
        assertThat(RecipeJson.read(old, Plain.class, "run x")).isEqualTo(new Plain(2, "mlp"));
    }

    @Test
    void anotherVersionIsRefusedWithAnErrorThatSaysWhich() {
        ObjectNode tree = RecipeJson.write(new Third(4));
        assertThatThrownBy(() -> RecipeJson.read(tree, Plain.class, "run 7")).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("run 7 has a recipe of schema 3; this dlforge reads Plain schema 1")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("newer dlforge"));
        ObjectNode older = Json.MAPPER.valueToTree(new Plain(1, "x"));
        assertThatThrownBy(() -> RecipeJson.read(older, Third.class, "run 8"))
                .hasMessageContaining("schema 1; this dlforge reads Third schema 3")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("older dlforge"));
    }

    @Test
    void aMissingOrMistypedRecipeIsAClearError() {
        assertThatThrownBy(() -> RecipeJson.read(null, Plain.class, "run 9")).hasMessage("run 9 has no recipe");
        ObjectNode bad = RecipeJson.write(new Plain(1, "x"));
        bad.put("epochs", "many");
        assertThatThrownBy(() -> RecipeJson.read(bad, Plain.class, "run 9")).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("run 9 has a recipe this dlforge cannot read");
    }
}
