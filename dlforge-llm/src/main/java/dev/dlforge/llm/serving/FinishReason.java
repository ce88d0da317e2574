package dev.dlforge.llm.serving;

/** Why a generation ended; the first two are OpenAI's {@code finish_reason} values. */
public enum FinishReason {
    /** An end-of-generation token or a stop text. */
    STOP,
    /** {@code maxTokens} reached, or the context is full. */
    LENGTH,
    /** The client cancelled (or disconnected). */
    CANCELLED,
    /** The model failed, or the request can never fit in the KV budget. */
    ERROR
}
