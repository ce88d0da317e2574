package dev.dlforge.llm.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplatesTest {
    @Test
    void theFamilyIsChosenByTheTemplatesMarkersAndAnUnknownOneIsChatMl() {
        assertThat(ChatTemplates.forJinja("{{ '<|start_header_id|>' + role }}").family()).isEqualTo("llama3");
        assertThat(ChatTemplates.forJinja("{{ '<|im_start|>system\\nYou are Qwen' }}").family()).isEqualTo("qwen2");
        assertThat(ChatTemplates.forJinja("{{ '<|im_start|>' + role }}").family()).isEqualTo("chatml");
        assertThat(ChatTemplates.forJinja("{{ '[INST]' + content + '[/INST]' }}").family()).isEqualTo("mistral");
        assertThat(ChatTemplates.forJinja("{{ '<start_of_turn>user' }}").family()).isEqualTo("chatml");
        assertThat(ChatTemplates.forJinja(null).family()).isEqualTo("chatml");
    }

    @Test
    void plainChatMlHasNoDefaultSystemMessage() {
        String prompt = ChatMlTemplate.plain().render(List.of(ChatMessage.of("user", "hi")), List.of(), true);
        assertThat(prompt).isEqualTo("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void llama3CanPutTheToolsInTheFirstUserMessageAsHuggingFaceDoes() {
        String prompt = new Llama3Template("26 Jul 2024", true).render(List.of(ChatMessage.of("user", "weather?")),
                List.of(Conversations.TIME), true);
        assertThat(prompt).startsWith("<|start_header_id|>system<|end_header_id|>\n\nEnvironment: ipython\n"
                        + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|>")
                .contains("<|start_header_id|>user<|end_header_id|>\n\nGiven the following functions")
                .endsWith("}\n\nweather?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void pythonJsonWritesEmptyContainersAsPythonDoes() {
        assertThat(PythonJson.dumps(PythonJson.parse("{\"a\": {}, \"b\": [], \"c\": \"é\\n\\u0001\"}"), 4))
                .isEqualTo("{\n    \"a\": {},\n    \"b\": [],\n    \"c\": \"é\\n\\u0001\"\n}");
        assertThat(PythonJson.dumps(PythonJson.parse("{\"a\":[1,2.5,true,null]}"))).isEqualTo("{\"a\": [1, 2.5, true, null]}");
    }

    @Test
    void mistralNeedsNineCharacterCallIds() {
        ChatMessage call = new ChatMessage("assistant", "", List.of(new ChatMessage.ToolCall("call_1", "f", "{}")), null);
        assertThatThrownBy(() -> new MistralTemplate().render(List.of(ChatMessage.of("user", "x"), call), List.of(), false))
                .hasMessageContaining("nine letters or digits");
    }
}
