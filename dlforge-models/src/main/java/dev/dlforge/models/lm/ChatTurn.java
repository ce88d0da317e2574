package dev.dlforge.models.lm;

/** One message of a chat: who said it ({@link ChatTemplate#user()} or {@link ChatTemplate#assistant()}) and what. */
public record ChatTurn(String role, String text) {

    public ChatTurn {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("a chat turn needs a role");
        }
        text = text == null ? "" : text;
    }
}
