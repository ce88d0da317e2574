package dev.dlforge.llm.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallParsingTest {
    @Test
    void chatMlFindsEveryToolCallBlockAmongTextAndSkipsMalformedOnes() {
        String completion = "Let me check.\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Zürich\"}}\n</tool_call>\n"
                + "<tool_call>{\"name\": \"broken\", \"arguments\": {\"city\": }</tool_call>"
                + "<tool_call>{\"name\": \"get_time\", \"arguments\": {}}</tool_call> and <tool_call>{\"name\": \"last\", \"arguments\": {\"a\": [1]}}";
        List<ChatMessage.ToolCall> calls = ChatMlTemplate.qwen().toolCalls(completion);
        assertThat(calls).extracting(ChatMessage.ToolCall::name).containsExactly("get_weather", "get_time", "last");
        assertThat(calls.get(0).argumentsJson()).isEqualTo("{\"city\":\"Zürich\"}");
        assertThat(calls.get(2).argumentsJson()).isEqualTo("{\"a\":[1]}");
        assertThat(calls.get(0).id()).hasSize(9).isNotEqualTo(calls.get(1).id());
        assertThat(ChatMlTemplate.plain().toolCalls("The answer is {\"name\": \"x\", \"arguments\": {}} but plain.")).isEmpty();
    }

    @Test
    void llama3FindsJsonCallsAnywhereAndIgnoresOtherJson() {
        Llama3Template t = new Llama3Template("26 Jul 2024", false);
        assertThat(t.toolCalls("{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}")).singleElement()
                .satisfies(c -> assertThat(c.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}"));
        assertThat(t.toolCalls("<|python_tag|>Sure: {\"name\": \"f\", \"arguments\": \"{\\\"x\\\": 1}\"}; done"))
                .extracting(ChatMessage.ToolCall::argumentsJson).containsExactly("{\"x\":1}");
        assertThat(t.toolCalls("Here is JSON: {\"temperature\": 22} and {\"name\": \"f\", \"parameters\": [1]}")).isEmpty();
        assertThat(t.toolCalls("{\"name\": \"f\", \"parameters\": {\"x\": ")).isEmpty();
    }

    @Test
    void mistralReadsTheArrayAfterToolCallsAndKeepsTheIds() {
        MistralTemplate t = new MistralTemplate();
        List<ChatMessage.ToolCall> calls = t.toolCalls("[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}, "
                + "\"id\": \"abc123XYZ\"}, {\"name\": \"get_time\", \"arguments\": {}}]");
        assertThat(calls).extracting(ChatMessage.ToolCall::name).containsExactly("get_weather", "get_time");
        assertThat(calls.get(0).id()).isEqualTo("abc123XYZ");
        assertThat(calls.get(1).id()).hasSize(9);
        assertThat(t.toolCalls("[{\"name\": \"f\", \"arguments\": {}}]")).as("no marker, no call").isEmpty();
        assertThat(t.toolCalls("[TOOL_CALLS][{\"name\": \"f\", \"arguments\": {}")).as("unfinished").isEmpty();
    }

    @Test
    void aCallRenderedByATemplateIsFoundAgainInTheModelsFormat() {
        ChatMessage.ToolCall call = Conversations.CALL;
        for (ChatTemplate t : List.of(ChatMlTemplate.qwen(), new Llama3Template("26 Jul 2024", false), new MistralTemplate(),
                new MistralTemplate(true))) {
            String prompt = t.render(List.of(ChatMessage.of("user", "hi"), new ChatMessage("assistant", "", List.of(call), null)),
                    List.of(), false);
            String answer = prompt.substring(prompt.lastIndexOf("hi") + 2);
            assertThat(t.toolCalls(answer)).as(t.family()).singleElement()
                    .satisfies(c -> assertThat(c.name()).isEqualTo("get_weather"))
                    .satisfies(c -> assertThat(PythonJson.parse(c.argumentsJson())).isEqualTo(PythonJson.parse(call.argumentsJson())));
        }
    }
}
