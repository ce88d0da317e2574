package dev.dlforge.llm.tokenizer;

/**
 * The kinds of token in {@code tokenizer.ggml.token_type}, with llama.cpp's numbers (llama.h {@code llama_token_type}).
 *
 * <p>CONTROL tokens ({@code <s>}, {@code <|eot_id|>}) are matched in text only when special-token parsing is asked for;
 * USER_DEFINED tokens are always matched as whole tokens; BYTE tokens ({@code <0x0A>}) stand for one raw byte.
 */
public enum TokenType {
    UNDEFINED(0), NORMAL(1), UNKNOWN(2), CONTROL(3), USER_DEFINED(4), UNUSED(5), BYTE(6);

    private final int id;

    TokenType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The type numbered {@code id}; numbers llama.cpp does not know read as UNDEFINED, as llama.cpp reads them. */
    public static TokenType of(long id) {
        for (TokenType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return UNDEFINED;
    }

    /** Matched as a whole token before the text is split: control and unknown only when parsing special tokens. */
    boolean matchedWhole(boolean parseSpecial) {
        return this == USER_DEFINED || parseSpecial && (this == CONTROL || this == UNKNOWN);
    }

    /** Its text is output as is (not unescaped): control, unknown and user-defined tokens. */
    boolean literal() {
        return this == CONTROL || this == UNKNOWN || this == USER_DEFINED;
    }
}
