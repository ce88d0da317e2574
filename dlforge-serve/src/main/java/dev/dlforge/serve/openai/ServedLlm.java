package dev.dlforge.serve.openai;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.serving.Generation;
import dev.dlforge.llm.serving.GenerationListener;
import dev.dlforge.llm.serving.GenerationRequest;
import dev.dlforge.llm.serving.QueueFullException;
import dev.dlforge.llm.serving.Scheduler;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.time.Instant;
import java.util.function.IntPredicate;

/** The language model a server answers for, under the name clients send as {@code model}, and its scheduler. */
public final class ServedLlm {
    private final String name;
    private final Scheduler scheduler;
    private final long created = Instant.now().getEpochSecond();
    private volatile boolean[] jsonStringTokens;
    private volatile boolean[] digitTokens;

    public ServedLlm(String name, Scheduler scheduler) {
        this.name = name;
        this.scheduler = scheduler;
    }

    public String name() {
        return name;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public DecoderModel model() {
        return scheduler.model();
    }

    public long created() {
        return created;
    }

    Tokenizer tokenizer() {
        return model().tokenizer();
    }

    int contextLength() {
        return model().info().contextLength();
    }

    /**
     * Token ids of a prompt: special tokens parsed, BOS first when the model asks for one ({@link Tokenizer#addsBos}, as
     * llama.cpp's server) and the text does not start with it. A GPT-2 file, dlforge's exported runs among them, says
     * {@code add_bos_token false}: its prompts start with their first character.
     */
    int[] encode(String text) {
        Tokenizer t = tokenizer();
        int[] ids = t.encode(text, false, true);
        if (t.addsBos() && (ids.length == 0 || ids[0] != t.bos())) {
            int[] withBos = new int[ids.length + 1];
            withBos[0] = t.bos();
            System.arraycopy(ids, 0, withBos, 1, ids.length);
            return withBos;
        }
        return ids;
    }

    /**
     * The tokens a request may generate: {@code maxTokens} when given, else the rest of the context; a prompt that leaves
     * no room is refused with 400 (OpenAI's {@code context_length_exceeded}).
     */
    int budget(int promptTokens, int maxTokens) {
        return budget(promptTokens, maxTokens, "messages");
    }

    /** As {@link #budget(int, int)}, naming {@code param} (the prompt's parameter) in the error. */
    int budget(int promptTokens, int maxTokens, String param) {
        int context = contextLength();
        if (promptTokens >= context || maxTokens > 0 && promptTokens + maxTokens > context) {
            throw new OpenAiError(400, "This model's maximum context length is " + context + " tokens. However, you requested "
                    + (promptTokens + Math.max(0, maxTokens)) + " tokens (" + promptTokens + " in the prompt, " + Math.max(0, maxTokens)
                    + " for the completion). Please reduce the length of the prompt or max_tokens.", "invalid_request_error", param,
                    "context_length_exceeded");
        }
        return maxTokens > 0 ? maxTokens : context - promptTokens;
    }

    /** Queues a generation; a full queue is OpenAI's 429, with {@code retryAfter} set to the seconds to wait. */
    Generation submit(GenerationRequest request, GenerationListener listener, int[] retryAfter) {
        try {
            return scheduler.submit(request, listener);
        } catch (QueueFullException e) {
            retryAfter[0] = e.retryAfterSeconds();
            throw new OpenAiError(429, e.getMessage() + "; retry after " + e.retryAfterSeconds() + " s", "rate_limit_error", null,
                    "queue_full");
        }
    }

    /** Tokens that may appear inside a JSON string: printable, no backslash, a quote only as the last byte (it ends the string). */
    IntPredicate jsonStringToken() {
        if (jsonStringTokens == null) {
            jsonStringTokens = tokens(b -> {
                for (int i = 0; i < b.length; i++) {
                    int c = b[i] & 0xFF;
                    if (c < 0x20 || c == '\\' || c == 0x7F || c == '"' && i < b.length - 1) {
                        return false;
                    }
                }
                return true;
            });
        }
        boolean[] ok = jsonStringTokens;
        return id -> ok[id];
    }

    /** Tokens made of decimal digits only, and the end of generation. */
    IntPredicate digitToken() {
        if (digitTokens == null) {
            digitTokens = tokens(b -> {
                for (byte x : b) {
                    if (x < '0' || x > '9') {
                        return false;
                    }
                }
                return true;
            });
        }
        boolean[] ok = digitTokens;
        return id -> ok[id];
    }

    private boolean[] tokens(java.util.function.Predicate<byte[]> accept) {
        Tokenizer t = tokenizer();
        boolean[] ok = new boolean[model().info().vocabularySize()];
        for (int id = 0; id < ok.length; id++) {
            byte[] b = id < t.vocabularySize() ? t.tokenBytes(id) : new byte[0];
            ok[id] = t.endsGeneration(id) || b.length > 0 && accept.test(b);
        }
        return ok;
    }
}
