package dev.dlforge.llm.gguf;

/** A GGUF file that cannot be read or written: the message says what is wrong and where (byte offset when known). */
public final class GgufFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GgufFormatException(String message) {
        super(message);
    }

    public GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
