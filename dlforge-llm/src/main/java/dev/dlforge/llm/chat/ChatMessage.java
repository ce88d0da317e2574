package dev.dlforge.llm.chat;

import java.util.List;

/**
 * One message of a conversation, in the OpenAI chat format.
 *
 * @param role       {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content    its text ("" for an assistant message that only calls tools)
 * @param toolCalls  the tools an assistant message calls (empty otherwise)
 * @param toolCallId for a {@code tool} message, the id of the call it answers (null otherwise)
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
    public ChatMessage {
        toolCalls = List.copyOf(toolCalls);
    }

    public static ChatMessage of(String role, String content) {
        return new ChatMessage(role, content, List.of(), null);
    }

    /** A call of {@code name} with {@code argumentsJson} (a JSON object as text, as OpenAI sends it). */
    public record ToolCall(String id, String name, String argumentsJson) { }
}
