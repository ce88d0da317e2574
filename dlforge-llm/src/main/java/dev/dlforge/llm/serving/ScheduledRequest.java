package dev.dlforge.llm.serving;

import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.sample.SampledToken;
import dev.dlforge.llm.sample.Sampler;
import dev.dlforge.llm.sample.StopMatcher;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.util.Arrays;

/**
 * One request inside the scheduler: the tokens it must feed (the prompt, and after a pre-emption also what it had
 * generated, recomputed), how many are fed, its sampler and its released text. Touched by the scheduler's thread only,
 * except {@link #cancel()}.
 */
final class ScheduledRequest implements Generation {
    final GenerationRequest request;
    final GenerationListener listener;
    final Sampler sampler;
    final StopMatcher text;
    /** The prompt, then each sampled token: what the sequence's cache must hold before the next token is sampled. */
    int[] tokens;
    int length;
    /** Tokens of {@link #tokens} already in the cache. */
    int fed;
    int generated;
    int cachedPrompt = -1;
    KvCache.Sequence sequence;
    private volatile boolean cancelled;
    private final Runnable onCancel;

    ScheduledRequest(GenerationRequest request, GenerationListener listener, Runnable onCancel) {
        this.request = request;
        this.listener = listener;
        this.onCancel = onCancel;
        this.sampler = new Sampler(request.sampling());
        this.text = new StopMatcher(request.stop());
        this.tokens = Arrays.copyOf(request.prompt(), request.prompt().length + Math.min(request.maxTokens(), 1024));
        this.length = request.prompt().length;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Tokens still to feed before the next token can be sampled. */
    int unfed() {
        return length - fed;
    }

    /** Its next step is one token, the last sampled (a decode step rather than a prompt chunk). */
    boolean decoding() {
        return generated > 0 && unfed() == 1;
    }

    /** Starts (or restarts after a pre-emption) its sequence; a prefix another sequence cached is shared, all but its last token. */
    void open(KvCache cache) {
        sequence = cache.newSequence(Arrays.copyOf(tokens, length - 1));
        fed = sequence.length();
        if (cachedPrompt < 0) {
            cachedPrompt = Math.min(sequence.reusedPrefix(), request.prompt().length);
        }
    }

    /** Gives the blocks back and forgets what was fed: after a pre-emption it is recomputed from its tokens. */
    void close() {
        if (sequence != null) {
            sequence.release();
            sequence = null;
        }
        fed = 0;
    }

    void append(int token) {
        if (length == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        tokens[length++] = token;
        generated++;
    }

    /** The next token from {@code logits}, only among the allowed tokens when the request constrains them. */
    GenerationListener.Token sample(float[] logits) {
        float[] l = logits;
        if (request.allowedTokens() != null) {
            l = logits.clone();
            for (int i = 0; i < l.length; i++) {
                if (!request.allowedTokens().test(i)) {
                    l[i] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        SampledToken t = sampler.sample(l);
        return new GenerationListener.Token(t.id(), "", t.logprob(),
                t.top().stream().map(a -> new GenerationListener.Alternative(a.id(), a.logprob())).toList());
    }

    /** Handles the sampled {@code token}: reports its text and says whether the generation is over. */
    FinishReason accept(GenerationListener.Token token, Tokenizer tokenizer, int contextLength) {
        if (tokenizer.endsGeneration(token.id())) {
            generated++;
            listener.token(new GenerationListener.Token(token.id(), text.flush(), token.logprob(), token.top()));
            return FinishReason.STOP;
        }
        append(token.id());
        String released = text.accept(tokenizer.tokenBytes(token.id()));
        if (text.stopped()) {
            listener.token(new GenerationListener.Token(token.id(), released, token.logprob(), token.top()));
            return FinishReason.STOP;
        }
        boolean last = generated >= request.maxTokens() || length >= contextLength;
        if (last) {
            released += text.flush();
        }
        listener.token(new GenerationListener.Token(token.id(), released, token.logprob(), token.top()));
        return last ? FinishReason.LENGTH : null;
    }

    GenerationListener.Finish finish(FinishReason reason, String error) {
        return new GenerationListener.Finish(reason, request.prompt().length, Math.max(0, cachedPrompt), generated, error);
    }
}
