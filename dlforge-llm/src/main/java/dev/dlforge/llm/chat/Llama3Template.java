package dev.dlforge.llm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Llama 3.1 / 3.2 Instruct, following Meta's official chat template (as in llama.cpp's
 * {@code models/templates/meta-llama-Llama-3.2-3B-Instruct.jinja}) less its leading {@code <|begin_of_text|>}, which the
 * tokenizer adds ({@code encode(prompt, true, true)}), as llama.cpp strips it: a system turn with the
 * knowledge cut-off and today's date, then {@code <|start_header_id|>role<|end_header_id|>\n\n content<|eot_id|>} turns
 * (content trimmed). Tools (OpenAI schemas, JSON indented by 4) go into the system message, as llama.cpp renders
 * the template ({@code tools_in_user_message = false}), or into the first user message, the template's own default
 * under Hugging Face; the model answers a call as JSON {@code {"name": ..., "parameters": {...}}}; tool results are
 * {@code ipython} turns.
 */
public final class Llama3Template implements ChatTemplate {
    private final String date;
    private final boolean toolsInUserMessage;

    /**
     * @param date               the "Today Date" line, as the template's {@code strftime_now("%d %b %Y")}, e.g. "26 Jul 2024"
     * @param toolsInUserMessage tools in the first user message (Hugging Face's default) instead of the system message
     */
    public Llama3Template(String date, boolean toolsInUserMessage) {
        this.date = date;
        this.toolsInUserMessage = toolsInUserMessage;
    }

    /** With today's date and the tools in the system message, as llama.cpp renders it. */
    public static Llama3Template today() {
        return new Llama3Template(LocalDate.now().format(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT)), false);
    }

    @Override
    public String family() {
        return "llama3";
    }

    @Override
    public String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt) {
        StringBuilder sb = new StringBuilder(); // no <|begin_of_text|>: the tokenizer adds BOS, as llama.cpp does
        int next = 0;
        String system = "";
        if (!messages.isEmpty() && messages.get(0).role().equals("system")) {
            system = messages.get(0).content().strip();
            next = 1;
        }
        boolean tools = !toolsJson.isEmpty();
        sb.append("<|start_header_id|>system<|end_header_id|>\n\n").append(tools ? "Environment: ipython\n" : "")
                .append("Cutting Knowledge Date: December 2023\nToday Date: ").append(date).append("\n\n");
        if (tools && !toolsInUserMessage) {
            sb.append("You have access to the following functions. To call a function, please respond with JSON for a function call.")
                    .append("Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.")
                    .append("Do not use variables.\n\n");
            for (String t : toolsJson) {
                sb.append(PythonJson.dumps(PythonJson.parse(t), 4)).append("\n\n");
            }
        }
        sb.append(system).append("<|eot_id|>");
        if (tools && toolsInUserMessage) {
            if (next >= messages.size()) {
                throw new IllegalArgumentException("Llama 3 puts the tools in the first user message, and there is none");
            }
            sb.append("<|start_header_id|>user<|end_header_id|>\n\n")
                    .append("Given the following functions, please respond with a JSON for a function call ")
                    .append("with its proper arguments that best answers the given prompt.\n\n")
                    .append("Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.")
                    .append("Do not use variables.\n\n");
            for (String t : toolsJson) {
                sb.append(PythonJson.dumps(PythonJson.parse(t), 4)).append("\n\n");
            }
            sb.append(messages.get(next++).content().strip()).append("<|eot_id|>");
        }
        for (ChatMessage m : messages.subList(next, messages.size())) {
            if (!m.toolCalls().isEmpty()) {
                if (m.toolCalls().size() != 1) {
                    throw new IllegalArgumentException("Llama 3 supports only one tool call per message, got " + m.toolCalls().size());
                }
                ChatMessage.ToolCall c = m.toolCalls().get(0);
                sb.append("<|start_header_id|>assistant<|end_header_id|>\n\n{\"name\": \"").append(c.name())
                        .append("\", \"parameters\": ").append(PythonJson.dumps(ToolCallJson.arguments(c))).append("}<|eot_id|>");
            } else if (m.role().equals("tool") || m.role().equals("ipython")) {
                // Jinja's "is iterable" holds for a string, so the template writes the result as JSON (a quoted string)
                JsonNode content = PythonJson.MAPPER.getNodeFactory().textNode(m.content());
                sb.append("<|start_header_id|>ipython<|end_header_id|>\n\n").append(PythonJson.dumps(content)).append("<|eot_id|>");
            } else {
                sb.append("<|start_header_id|>").append(m.role()).append("<|end_header_id|>\n\n").append(m.content().strip())
                        .append("<|eot_id|>");
            }
        }
        if (addGenerationPrompt) {
            sb.append("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }
        return sb.toString();
    }

    /** JSON objects {@code {"name": ..., "parameters": {...}}} (or "arguments") anywhere in the completion. */
    @Override
    public List<ChatMessage.ToolCall> toolCalls(String completion) {
        return ToolCallJson.objects(completion, o -> {
            ChatMessage.ToolCall c = ToolCallJson.call(o, "parameters", null);
            return c != null ? c : ToolCallJson.call(o, "arguments", null);
        });
    }

    /** A call is a JSON object (or follows {@code <|python_tag|>}), so text is held from the first brace. */
    @Override
    public int toolCallStart(String partial) {
        return ChatTemplate.markerStart(partial, "{", "<|python_tag|>");
    }
}
