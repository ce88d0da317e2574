package dev.dlforge.llm.chat;

import java.util.List;

/**
 * Streams an answer that may contain tool calls: text is released as content as it is generated, up to where a call
 * could begin ({@link ChatTemplate#toolCallStart}); from there on it is held, and at the end either parsed as calls or,
 * when it was none, released as content after all. So a plain answer streams token by token even with tools offered,
 * and no half-written call ever reaches the client as content.
 */
public final class ToolCallStream {
    private final ChatTemplate template;
    private final StringBuilder text = new StringBuilder();
    private int released;

    public ToolCallStream(ChatTemplate template) {
        this.template = template;
    }

    /** Adds generated text; returns what may be sent as content now (possibly empty). */
    public String add(String piece) {
        text.append(piece);
        // only the unreleased tail is searched: released text holds no start, or it would not have been released
        int start = template.toolCallStart(text.substring(released));
        int safe = start < 0 ? text.length() : released + start;
        String out = text.substring(released, safe);
        released = safe;
        return out;
    }

    /** The answer is complete: the calls in it, and the held text to send as content (empty when it held calls). */
    public Finish finish() {
        List<ChatMessage.ToolCall> calls = template.toolCalls(text.toString());
        String rest = calls.isEmpty() ? text.substring(released) : "";
        released = text.length();
        return new Finish(calls, rest);
    }

    /** @param calls the tool calls found; @param content text still to send as content */
    public record Finish(List<ChatMessage.ToolCall> calls, String content) {
    }
}
