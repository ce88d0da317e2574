package dev.dlforge.llm.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Conversations the chat template tests render, and their OpenAI request JSON (test fixture). */
final class Conversations {
    static final String WEATHER = "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"The weather "
            + "now in a city\", \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", "
            + "\"description\": \"City name, e.g. 'Paris'\"}, \"unit\": {\"type\": \"string\", \"enum\": [\"celsius\", \"fahrenheit\"]}}, "
            + "\"required\": [\"city\"]}}}";
    static final String TIME = "{\"type\": \"function\", \"function\": {\"name\": \"get_time\", \"description\": \"Local time\", "
            + "\"parameters\": {\"type\": \"object\", \"properties\": {\"zone\": {\"type\": \"string\"}}}}}";
    static final ChatMessage.ToolCall CALL = new ChatMessage.ToolCall("call12345", "get_weather", "{\"city\":\"Zürich\",\"unit\":\"celsius\"}");

    record Case(String name, List<ChatMessage> messages, List<String> tools) { }

    static List<Case> cases(boolean mistral) {
        ChatMessage system = ChatMessage.of("system", "You are terse.  ");
        ChatMessage user = ChatMessage.of("user", " What is the weather in Zürich? \n");
        ChatMessage answer = ChatMessage.of("assistant", "Sunny, 22 °C.");
        ChatMessage again = ChatMessage.of("user", "And \"tomorrow\"?");
        ChatMessage calls = new ChatMessage("assistant", "", List.of(CALL), null);
        ChatMessage result = new ChatMessage("tool", "{\"temperature\": 22}", List.of(), CALL.id());
        return List.of(
                new Case("system and user", List.of(system, user), List.of()),
                new Case("user only", List.of(user), List.of()),
                new Case("several turns", List.of(system, user, answer, again), List.of()),
                new Case("tools offered", List.of(system, user), List.of(WEATHER, TIME)),
                new Case("tool round trip", List.of(system, user, calls, result), List.of(WEATHER)),
                new Case("tool round trip without system", List.of(user, calls, result), mistral ? List.of(WEATHER) : List.of(WEATHER, TIME)));
    }

    /** The OpenAI chat request of a case, as llama.cpp's applyTemplate takes it. */
    static String request(Case c, boolean addGenerationPrompt) {
        ObjectMapper json = PythonJson.MAPPER;
        ObjectNode req = json.createObjectNode();
        ArrayNode messages = req.putArray("messages");
        for (ChatMessage m : c.messages()) {
            ObjectNode o = messages.addObject().put("role", m.role());
            if (m.toolCalls().isEmpty()) {
                o.put("content", m.content());
            } else {
                o.putNull("content");
                ArrayNode calls = o.putArray("tool_calls");
                for (ChatMessage.ToolCall call : m.toolCalls()) {
                    calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                            .put("name", call.name()).put("arguments", call.argumentsJson());
                }
            }
            if (m.toolCallId() != null) {
                o.put("tool_call_id", m.toolCallId());
            }
        }
        if (!c.tools().isEmpty()) {
            ArrayNode tools = req.putArray("tools");
            c.tools().forEach(t -> tools.add(PythonJson.parse(t)));
        }
        req.put("add_generation_prompt", addGenerationPrompt);
        return req.toString();
    }

    private Conversations() { }
}
