package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's {@code tools} and {@code tool_choice}: none (tools hidden from the model), auto (the model may answer
 * with a call, found in its text by the chat template), or a forced call of one function ({@code required} forces the
 * first tool; {@code {"type": "function", "function": {"name": ...}}} the one named).
 *
 * @param functions the {@code function} objects of the tools (name, description, parameters)
 * @param forced    the function the answer must call, or null
 */
record ToolChoice(List<JsonNode> functions, boolean none, JsonNode forced) {
    static ToolChoice read(JsonNode body) {
        List<JsonNode> functions = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            if (!"function".equals(tool.path("type").asText("function")) || !tool.path("function").path("name").isTextual()) {
                throw OpenAiError.invalid("tools", "each tool must be {\"type\": \"function\", \"function\": {\"name\": ..., \"parameters\": {...}}}");
            }
            functions.add(tool.get("function"));
        }
        JsonNode choice = body.get("tool_choice");
        if (choice == null || choice.isNull() || choice.isTextual() && choice.asText().equals("auto")) {
            return new ToolChoice(functions, functions.isEmpty(), null);
        }
        if (choice.isTextual() && choice.asText().equals("none")) {
            return new ToolChoice(functions, true, null);
        }
        if (functions.isEmpty()) {
            throw OpenAiError.invalid("tool_choice", "tool_choice " + choice + " needs tools");
        }
        if (choice.isTextual() && choice.asText().equals("required")) {
            return new ToolChoice(functions, false, functions.get(0));
        }
        String name = choice.path("function").path("name").asText("");
        for (JsonNode f : functions) {
            if (f.path("name").asText().equals(name)) {
                return new ToolChoice(functions, false, f);
            }
        }
        throw OpenAiError.invalid("tool_choice", "tool_choice names '" + name + "', which is not among the tools");
    }

    /** The function schemas as JSON text, for the chat template (none when the tools are hidden). */
    List<String> schemas() {
        return none ? List.of() : functions.stream().map(JsonNode::toString).toList();
    }
}
