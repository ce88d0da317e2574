package dev.dlforge.models.lm;

import dev.dlforge.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat for a plain-text language model, which has never seen special chat tokens: the history is
 * rendered as a transcript and the model continues it,
 * <pre>
 * User: hello
 * Assistant: hi there
 * User: how are you?
 * Assistant:</pre>
 * The prompt ends in {@code "Assistant:"} without a space because byte-level BPE tokens carry their
 * leading space ({@code "Ġhi"}); the reply is stored stripped. {@link #stop()} is {@code "\nUser:"}, so the
 * reply ends where the model would start writing the user's next turn. Immutable: each method returns a
 * new chat.
 *
 * @param user the user's role name
 * @param assistant the model's role name
 * @param history the turns so far, oldest first
 */
public record ChatTemplate(String user, String assistant, List<ChatTurn> history) {

    public ChatTemplate {
        if (user.isBlank() || assistant.isBlank() || user.equals(assistant)) {
            throw new IllegalArgumentException("a chat needs two different, non-blank role names");
        }
        history = List.copyOf(history);
    }

    /** An empty chat between "User" and "Assistant". */
    public static ChatTemplate plain() {
        return new ChatTemplate("User", "Assistant", List.of());
    }

    public ChatTemplate withUser(String text) {
        return with(new ChatTurn(user, text));
    }

    /** Adds the model's reply, stripped of the whitespace the prompt format leaves around it. */
    public ChatTemplate withAssistant(String reply) {
        return with(new ChatTurn(assistant, reply.strip()));
    }

    private ChatTemplate with(ChatTurn turn) {
        List<ChatTurn> turns = new ArrayList<>(history);
        turns.add(turn);
        return new ChatTemplate(user, assistant, turns);
    }

    /** The transcript followed by the assistant's cue, {@code "User: ...\nAssistant:"}. */
    public String prompt() {
        StringBuilder out = new StringBuilder();
        for (ChatTurn t : history) {
            out.append(t.role()).append(": ").append(t.text()).append('\n');
        }
        return out.append(assistant).append(':').toString();
    }

    /** Where the assistant's reply ends: the start of the user's next turn. */
    public List<String> stop() {
        return List.of("\n" + user + ":");
    }

    /**
     * This chat with its oldest turns dropped until {@link #prompt()} encodes to at most
     * {@code tokenBudget} tokens (leave room for the reply: context length minus max tokens). A turn
     * the budget leaves at the start from the assistant is dropped too, so the transcript starts with
     * the user. The latest turn is always kept; if it alone is over budget the generator crops the
     * prompt from the left.
     */
    public ChatTemplate fitTo(Tokenizer tokenizer, int tokenBudget) {
        int from = 0;
        while (from < history.size() - 1) {
            ChatTemplate kept = new ChatTemplate(user, assistant, history.subList(from, history.size()));
            boolean startsWithUser = history.get(from).role().equals(user);
            if (startsWithUser && tokenizer.encode(kept.prompt()).length <= tokenBudget) {
                return kept;
            }
            from++;
        }
        return new ChatTemplate(user, assistant, history.subList(from, history.size()));
    }
}
