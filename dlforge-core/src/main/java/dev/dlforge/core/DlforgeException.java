package dev.dlforge.core;

/**
 * An error the user can act on. The message says what went wrong in one line; the hint says what to
 * do next. The CLI prints both and exits non-zero without a stack trace.
 */
public class DlforgeException extends RuntimeException {
    private final String hint;

    public DlforgeException(String message, String hint) {
        this(message, hint, null);
    }

    public DlforgeException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    public DlforgeException(String message) {
        this(message, "", null);
    }

    /** What the user can do about it; empty when there is nothing to add. */
    public String hint() {
        return hint;
    }
}
