package dev.dlforge.llm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ChatML ({@code <|im_start|>role\n...<|im_end|>\n}) with Qwen2.5's tool format (Hermes style), following Qwen2.5-Instruct's
 * official chat template: the tools' OpenAI schemas one per line inside {@code <tools></tools>} in the system message,
 * calls written as {@code <tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>}, tool results as
 * {@code <tool_response>} blocks in one user turn per run of tool messages. Qwen's template puts in its own system
 * message when the conversation has none; dlforge's own models have no default system message.
 */
public final class ChatMlTemplate implements ChatTemplate {
    /** The system message of Qwen2.5's template when the conversation brings none. */
    public static final String QWEN_SYSTEM = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
    private static final Pattern CALL = Pattern.compile("<tool_call>(.*?)(?:</tool_call>|$)", Pattern.DOTALL);
    private final String defaultSystem;

    /** @param defaultSystem the system message when the conversation has none ("" for none) */
    public ChatMlTemplate(String defaultSystem) {
        this.defaultSystem = defaultSystem;
    }

    public static ChatMlTemplate qwen() {
        return new ChatMlTemplate(QWEN_SYSTEM);
    }

    public static ChatMlTemplate plain() {
        return new ChatMlTemplate("");
    }

    @Override
    public String family() {
        return defaultSystem.isEmpty() ? "chatml" : "qwen2";
    }

    @Override
    public String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt) {
        StringBuilder sb = new StringBuilder();
        boolean firstIsSystem = !messages.isEmpty() && messages.get(0).role().equals("system");
        String system = firstIsSystem ? messages.get(0).content() : defaultSystem;
        if (!toolsJson.isEmpty()) {
            sb.append("<|im_start|>system\n").append(system).append(system.isEmpty() ? "" : "\n\n")
                    .append("# Tools\n\nYou may call one or more functions to assist with the user query.\n\n")
                    .append("You are provided with function signatures within <tools></tools> XML tags:\n<tools>");
            for (String tool : toolsJson) {
                sb.append('\n').append(PythonJson.dumps(PythonJson.parse(tool)));
            }
            sb.append("\n</tools>\n\nFor each function call, return a json object with function name and arguments within ")
                    .append("<tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": ")
                    .append("<args-json-object>}\n</tool_call><|im_end|>\n");
        } else if (!system.isEmpty() || firstIsSystem) {
            sb.append("<|im_start|>system\n").append(system).append("<|im_end|>\n");
        }
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            switch (m.role()) {
                case "tool" -> {
                    if (i == 0 || !messages.get(i - 1).role().equals("tool")) {
                        sb.append("<|im_start|>user");
                    }
                    sb.append("\n<tool_response>\n").append(m.content()).append("\n</tool_response>");
                    if (i == messages.size() - 1 || !messages.get(i + 1).role().equals("tool")) {
                        sb.append("<|im_end|>\n");
                    }
                }
                case "assistant" -> {
                    if (m.toolCalls().isEmpty()) {
                        sb.append("<|im_start|>assistant\n").append(m.content()).append("<|im_end|>\n");
                        continue;
                    }
                    sb.append("<|im_start|>assistant");
                    if (!m.content().isEmpty()) {
                        sb.append('\n').append(m.content());
                    }
                    for (ChatMessage.ToolCall c : m.toolCalls()) {
                        sb.append("\n<tool_call>\n{\"name\": \"").append(c.name()).append("\", \"arguments\": ")
                                .append(PythonJson.dumps(ToolCallJson.arguments(c))).append("}\n</tool_call>");
                    }
                    sb.append("<|im_end|>\n");
                }
                default -> {
                    if (i > 0 || !m.role().equals("system")) {
                        sb.append("<|im_start|>").append(m.role()).append('\n').append(m.content()).append("<|im_end|>\n");
                    }
                }
            }
        }
        if (addGenerationPrompt) {
            sb.append("<|im_start|>assistant\n");
        }
        return sb.toString();
    }

    /** Every {@code <tool_call>} block whose content is a JSON object with a name and object arguments (the last may be unclosed). */
    @Override
    public List<ChatMessage.ToolCall> toolCalls(String completion) {
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        Matcher m = CALL.matcher(completion);
        while (m.find()) {
            JsonNode o = PythonJson.parse(m.group(1).strip());
            ChatMessage.ToolCall c = o == null || !o.isObject() ? null : ToolCallJson.call(o, "arguments", null);
            if (c != null) {
                calls.add(c);
            }
        }
        return calls;
    }

    /** A call opens with {@code <tool_call>}. */
    @Override
    public int toolCallStart(String partial) {
        return ChatTemplate.markerStart(partial, "<tool_call>");
    }
}
