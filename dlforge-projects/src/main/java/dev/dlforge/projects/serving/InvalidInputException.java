package dev.dlforge.projects.serving;

import dev.dlforge.core.DlforgeException;

/** The caller sent something a model cannot take; the HTTP status says how (400 malformed, 413 too large, 415 wrong type, 503 busy: retry). */
public final class InvalidInputException extends DlforgeException {
    private final int status;

    public InvalidInputException(int status, String message, String hint) {
        super(message, hint);
        this.status = status;
    }

    public static InvalidInputException badRequest(String message, String hint) {
        return new InvalidInputException(400, message, hint);
    }

    public static InvalidInputException unsupportedType(String message, String hint) {
        return new InvalidInputException(415, message, hint);
    }

    public int status() {
        return status;
    }
}
