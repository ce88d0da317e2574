package dev.dlforge.llm.chat;

import static org.assertj.core.api.Assertions.assertThat;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.dlforge.llm.gguf.GgufValue;
import dev.dlforge.llm.tokenizer.TestGguf;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our prompts equal what the official Jinja templates render (src/test/resources/dev/dlforge/llm/chat, see its README),
 * rendered by llama.cpp's own Jinja engine (minja, de.kherud:llama 4.2.0 with --jinja) from a tiny GGUF carrying the
 * template: each family, with and without a system message, several turns, tools offered, and a tool-call round trip.
 */
class ChatTemplateOracleTest {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @CsvSource({"Qwen-Qwen2.5-Instruct.jinja, qwen2, llama-bpe", "meta-llama-Llama-3.2-3B-Instruct.jinja, llama3, llama-bpe",
        "mistralai-Mistral-Nemo-Instruct-2407.jinja, mistral, spm", "mistralai-Mistral-7B-Instruct-v0.3.jinja, mistral-v3, spm"})
    void promptsEqualTheOfficialTemplatesRenderedByLlamaCpp(String file, String family, String vocabulary) throws Exception {
        String jinja;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            jinja = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ChatTemplate ours = ChatTemplates.forJinja(jinja);
        assertThat(ours.family()).isEqualTo(family);
        Map<String, GgufValue> tokenizer = new LinkedHashMap<>(TestGguf.vocabulary(vocabulary));
        tokenizer.put("tokenizer.chat_template", GgufValue.of(jinja));
        Path gguf = TestGguf.write(dir.resolve(family + ".gguf"), tokenizer);
        List<String> differences = new ArrayList<>();
        try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(gguf.toString()).setCtxSize(64).setThreads(1)
                .enableJinja())) {
            for (Conversations.Case c : Conversations.cases(family.startsWith("mistral"))) {
                for (boolean generation : new boolean[] {true, false}) {
                    String expected = llama.applyTemplate(Conversations.request(c, generation));
                    String actual = ours.render(c.messages(), c.tools(), generation);
                    if (!expected.equals(actual)) {
                        differences.add(c.name() + (generation ? " (generation prompt)" : "") + ":\n--- llama.cpp\n" + expected
                                + "\n--- dlforge\n" + actual + "\n---");
                    }
                }
            }
        }
        assertThat(differences).as("prompts that differ from the official %s template", family).isEmpty();
    }
}
