package dev.dlforge.llm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Mistral Instruct with tools, following Mistral-Nemo-Instruct-2407's official chat template (llama.cpp's
 * {@code models/templates/mistralai-Mistral-Nemo-Instruct-2407.jinja}) less its leading {@code <s>}, which the tokenizer
 * adds, as llama.cpp strips it: {@code [INST]user[/INST]answer</s>}, the
 * system message put before the last user message, {@code [AVAILABLE_TOOLS][...][/AVAILABLE_TOOLS]} just before the last
 * user message, calls as {@code [TOOL_CALLS][{"name": ..., "arguments": {...}, "id": "abcdefghi"}]</s>} (ids of nine
 * letters or digits), results as {@code [TOOL_RESULTS]{"content": ..., "call_id": ...}[/TOOL_RESULTS]}.
 */
public final class MistralTemplate implements ChatTemplate {
    private static final String CALLS = "[TOOL_CALLS]";
    private final boolean spaced;

    /** Mistral-Nemo's layout ({@code [INST]text[/INST]}). */
    public MistralTemplate() {
        this(false);
    }

    /**
     * @param spaced Mistral-7B-Instruct-v0.3's layout instead: a space after {@code [INST]}, {@code [AVAILABLE_TOOLS]},
     *               {@code [TOOL_CALLS]} and {@code [TOOL_RESULTS]}, and before the (trimmed) answer
     */
    public MistralTemplate(boolean spaced) {
        this.spaced = spaced;
    }

    @Override
    public String family() {
        return spaced ? "mistral-v3" : "mistral";
    }

    @Override
    public String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt) {
        String system = null;
        List<ChatMessage> loop = messages;
        if (!messages.isEmpty() && messages.get(0).role().equals("system")) {
            system = messages.get(0).content();
            loop = messages.subList(1, messages.size());
        }
        int lastUser = -1;
        for (int i = 0; i < loop.size(); i++) {
            lastUser = loop.get(i).role().equals("user") ? i : lastUser;
        }
        StringBuilder sb = new StringBuilder(); // no <s>: the tokenizer adds BOS, as llama.cpp does
        for (int i = 0; i < loop.size(); i++) {
            ChatMessage m = loop.get(i);
            if (m.role().equals("user")) {
                if (!toolsJson.isEmpty() && i == lastUser) {
                    sb.append(spaced ? "[AVAILABLE_TOOLS] [" : "[AVAILABLE_TOOLS][");
                    for (int t = 0; t < toolsJson.size(); t++) {
                        sb.append(t == 0 ? "" : ", ").append(tool(PythonJson.parse(toolsJson.get(t)).get("function")));
                    }
                    sb.append("][/AVAILABLE_TOOLS]");
                }
                boolean last = i == loop.size() - 1;
                sb.append(spaced ? "[INST] " : "[INST]").append(last && system != null ? system + "\n\n" : "").append(m.content())
                        .append("[/INST]");
            } else if (!m.toolCalls().isEmpty()) {
                sb.append(CALLS).append(spaced ? " [" : "[");
                for (int c = 0; c < m.toolCalls().size(); c++) {
                    ChatMessage.ToolCall call = m.toolCalls().get(c);
                    ObjectNode function = PythonJson.MAPPER.createObjectNode();
                    function.put("name", call.name());
                    function.set("arguments", ToolCallJson.arguments(call));
                    String out = PythonJson.dumps(function);
                    sb.append(c == 0 ? "" : ", ").append(out, 0, out.length() - 1).append(", \"id\": \"").append(id(call.id())).append("\"}");
                }
                sb.append("]</s>");
            } else if (m.role().equals("assistant")) {
                sb.append(spaced ? " " + m.content().strip() : m.content()).append("</s>");
            } else if (m.role().equals("tool")) {
                sb.append(spaced ? "[TOOL_RESULTS] {\"content\": " : "[TOOL_RESULTS]{\"content\": ").append(m.content())
                        .append(", \"call_id\": \"").append(id(m.toolCallId())).append("\"}[/TOOL_RESULTS]");
            } else {
                throw new IllegalArgumentException("Mistral's template takes user, assistant and tool messages after an optional "
                        + "first system message, not " + m.role());
            }
        }
        return sb.toString(); // the template has no generation prompt: [/INST] already asks for the answer
    }

    /** One tool as the template writes it: its function's keys but "return", strings unescaped as the template does. */
    private static String tool(JsonNode function) {
        StringBuilder sb = new StringBuilder("{\"type\": \"function\", \"function\": {");
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = function.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("return")) {
                continue;
            }
            sb.append(first ? "" : ", ").append('"').append(f.getKey()).append("\": ");
            sb.append(f.getValue().isTextual() ? "\"" + f.getValue().textValue() + "\"" : PythonJson.dumps(f.getValue()));
            first = false;
        }
        return sb.append("}}").toString();
    }

    private static String id(String id) {
        if (id == null || id.length() != 9 || !id.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("Mistral's tool call ids are nine letters or digits, got " + id
                    + ": pass the ids its own calls came with (toolCalls() makes such ids)");
        }
        return id;
    }

    /** The JSON array after {@code [TOOL_CALLS]}: its objects with a name and object arguments (their ids kept when valid). */
    @Override
    public List<ChatMessage.ToolCall> toolCalls(String completion) {
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (int at = completion.indexOf(CALLS); at >= 0; at = completion.indexOf(CALLS, at + 1)) {
            ToolCallJson.Span s = ToolCallJson.valueAt(completion, at + CALLS.length());
            if (s == null || !s.value().isArray()) {
                continue;
            }
            for (JsonNode o : s.value()) {
                JsonNode id = o.get("id");
                boolean valid = id != null && id.isTextual() && id.textValue().length() == 9;
                ChatMessage.ToolCall c = o.isObject() ? ToolCallJson.call(o, "arguments", valid ? id.textValue() : null) : null;
                if (c != null) {
                    calls.add(c);
                }
            }
        }
        return calls;
    }

    /** A call opens with {@code [TOOL_CALLS]}. */
    @Override
    public int toolCallStart(String partial) {
        return ChatTemplate.markerStart(partial, CALLS);
    }
}
