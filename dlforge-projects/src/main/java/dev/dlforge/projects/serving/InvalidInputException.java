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

    /**
     * Nothing to predict from: an empty body, text or file. A model would still answer one
     * (a confident class for an empty text), so it is refused as the caller's mistake.
     *
     * @param what e.g. {@code the request body} or {@code file notes.txt}
     */
    public static InvalidInputException empty(String what) {
        return badRequest(what + " is empty: there is nothing to predict from", "send a text with words in it, or a non-empty image");
    }

    /** Whether {@code text} holds nothing but white space: Java's, and Unicode's space separators (no-break spaces too). */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    public static InvalidInputException unsupportedType(String message, String hint) {
        return new InvalidInputException(415, message, hint);
    }

    public int status() {
        return status;
    }
}
