package dev.dlforge.llm.chat;

import java.util.List;

/**
 * Turns a conversation into the prompt text a model was trained on, and finds tool calls in what it answers.
 *
 * <p>Families: Llama 3 ({@code <|start_header_id|>role<|end_header_id|>}), ChatML ({@code <|im_start|>role}, Qwen2 and
 * dlforge's own models) and Mistral ({@code [INST] ... [/INST]}); the family is chosen from
 * {@code tokenizer.chat_template} in the GGUF metadata.
 */
public interface ChatTemplate {
    String family();

    /**
     * The prompt for {@code messages}; with {@code tools} (OpenAI function schemas as JSON text) the template tells the
     * model how to call them. {@code addGenerationPrompt} ends with the assistant's turn header.
     */
    String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt);

    /** Tool calls written in {@code completion} in this family's format (empty when it is a plain answer). */
    List<ChatMessage.ToolCall> toolCalls(String completion);

    /**
     * Where in {@code partial} (an answer being generated) a tool call may begin: the first full marker of this family's
     * calls, or a prefix of one at the very end; -1 when no call can have begun yet. Text before it is plain content.
     */
    int toolCallStart(String partial);

    /** {@link #toolCallStart} for calls that begin with one of {@code markers}. */
    static int markerStart(String partial, String... markers) {
        int first = -1;
        for (String m : markers) {
            int at = partial.indexOf(m);
            if (at < 0) {
                for (int n = Math.min(m.length() - 1, partial.length()); n > 0; n--) {
                    if (partial.endsWith(m.substring(0, n))) {
                        at = partial.length() - n;
                        break;
                    }
                }
            }
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
