package dev.dlforge.data.source;

/** A data source could not deliver; the message is the reason shown to the user. */
public class SourceUnavailableException extends Exception {
    public SourceUnavailableException(String reason) {
        super(reason);
    }

    public SourceUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
