package dev.dlforge.projects.rag;

/** Writes a reply to a system instruction and a user message: a local model or a chat-completions endpoint. */
public interface ChatGenerator extends AutoCloseable {
    /** What to call it in output, e.g. {@code gpt-4o-mini at http://localhost:8080/v1}. */
    String name();

    /** The reply; a failure is a DlforgeException saying what went wrong and what to do. */
    String complete(String system, String user);

    @Override
    default void close() {}
}
