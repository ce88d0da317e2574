package dev.dlforge.serve.api;

/** An HTTP error with a JSON body {@code {"status", "error", "hint"}}; never a stack trace. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String hint;

    public ApiError(int status, String message, String hint) {
        super(message);
        this.status = status;
        this.hint = hint == null ? "" : hint;
    }

    public int status() {
        return status;
    }

    public String hint() {
        return hint;
    }

    /** The response body. */
    public record Body(int status, String error, String hint) {}

    public Body body() {
        return new Body(status, getMessage(), hint);
    }
}
