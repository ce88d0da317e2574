package dev.dlforge.llm.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Finding JSON tool calls in a model's completion, whatever text is around them; malformed JSON is not a call. */
final class ToolCallJson {
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private ToolCallJson() { }

    /** A JSON value starting at {@code from} and where it ends, or null when none starts there. */
    record Span(JsonNode value, int end) { }

    static Span valueAt(String text, int from) {
        try (JsonParser p = PythonJson.MAPPER.createParser(text.substring(from))) {
            JsonNode node = PythonJson.MAPPER.readTree(p);
            if (node == null) {
                return null;
            }
            return new Span(node, from + (int) p.getCurrentLocation().getCharOffset());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every JSON object in {@code text} (outermost only) that {@code call} turns into a tool call, in order. */
    static List<ChatMessage.ToolCall> objects(String text, java.util.function.Function<JsonNode, ChatMessage.ToolCall> call) {
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (int at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
            Span s = valueAt(text, at);
            ChatMessage.ToolCall c = s == null || !s.value.isObject() ? null : call.apply(s.value);
            if (c != null) {
                calls.add(c);
                at = s.end - 1;
            }
        }
        return calls;
    }

    /** {@code {"name": ..., KEY: {...}}} as a call (arguments as compact JSON text), or null when it is not one. */
    static ChatMessage.ToolCall call(JsonNode o, String argumentsKey, String id) {
        JsonNode name = o.get("name");
        JsonNode args = o.get(argumentsKey);
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            return null;
        }
        if (args != null && args.isTextual()) {
            args = PythonJson.parse(args.textValue()); // some models write the arguments as a JSON string
        }
        if (args == null || !args.isObject()) {
            return null;
        }
        return new ChatMessage.ToolCall(id == null ? newId() : id, name.textValue(), args.toString());
    }

    /** A fresh call id: nine letters and digits (Mistral requires exactly that; OpenAI accepts any). */
    static String newId() {
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append(ALNUM.charAt(ThreadLocalRandom.current().nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    /** The arguments of a call as a JSON tree for rendering: parsed when JSON, else the text as a string. */
    static JsonNode arguments(ChatMessage.ToolCall c) {
        JsonNode n = PythonJson.parse(c.argumentsJson());
        return n != null ? n : PythonJson.MAPPER.getNodeFactory().textNode(c.argumentsJson());
    }
}
