package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.llm.serving.GenerationRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** {@code POST /v1/completions} (OpenAI's legacy text completions): a prompt (text or token ids) continued, whole or streamed. */
final class TextCompletions {
    private final ServedLlm llm;

    TextCompletions(ServedLlm llm) {
        this.llm = llm;
    }

    void handle(Context ctx) {
        JsonNode body = Requests.body(ctx, llm);
        SamplingRequest opts = SamplingRequest.read(body, false);
        int[] ids = prompt(body.get("prompt"));
        int max = llm.budget(ids.length, opts.maxTokens() > 0 ? opts.maxTokens() : 16, "prompt"); // OpenAI's default max_tokens here
        String id = OpenAiJson.id("cmpl-");
        long created = OpenAiJson.now();
        int[] retryAfter = {0};
        try {
            // ignore_eos (vLLM's extension): generate max_tokens whatever the model says, as benchmarks need
            IntPredicate allowed = body.path("ignore_eos").asBoolean(false) ? t -> !llm.tokenizer().endsGeneration(t) : null;
            GenerationRequest request = new GenerationRequest(ids, opts.sampling(), max, opts.stop(), allowed);
            if (!opts.stream()) {
                GenerationRun.Result r = GenerationRun.collect(llm, request, retryAfter);
                Map<String, Object> m = OpenAiJson.envelope(id, "text_completion", created, llm.name());
                m.put("choices", List.of(choice(r.text(), opts.logprobs() ? OpenAiJson.textLogprobs(r.tokens(), llm.tokenizer(), 0) : null,
                        r.finishReason())));
                m.put("usage", OpenAiJson.usage(r.finish(), r.finish().completionTokens()));
                ctx.json(m);
                return;
            }
            EventStream stream = new EventStream(ctx);
            int[] offset = {0};
            GenerationRun.Result r = GenerationRun.run(llm, request, t -> {
                if (!t.text().isEmpty() || opts.logprobs()) {
                    Object logprobs = opts.logprobs() ? OpenAiJson.textLogprobs(List.of(t), llm.tokenizer(), offset[0]) : null;
                    offset[0] += t.text().length();
                    stream.send(chunk(id, created, choice(t.text(), logprobs, null), opts.includeUsage()));
                }
            }, retryAfter);
            stream.send(chunk(id, created, choice("", null, r.finishReason()), opts.includeUsage()));
            if (opts.includeUsage()) {
                Map<String, Object> last = OpenAiJson.envelope(id, "text_completion", created, llm.name());
                last.put("choices", List.of());
                last.put("usage", OpenAiJson.usage(r.finish(), r.finish().completionTokens()));
                stream.send(last);
            }
            stream.done();
        } catch (OpenAiError e) {
            if (retryAfter[0] > 0) {
                ctx.header("Retry-After", String.valueOf(retryAfter[0]));
            }
            throw e;
        } catch (IOException e) {
            // the client has gone; its generation is cancelled and its blocks are free
        }
    }

    private Map<String, Object> chunk(String id, long created, Map<String, Object> choice, boolean includeUsage) {
        Map<String, Object> m = OpenAiJson.envelope(id, "text_completion", created, llm.name());
        m.put("choices", List.of(choice));
        if (includeUsage) {
            m.put("usage", null);
        }
        return m;
    }

    private static Map<String, Object> choice(String text, Object logprobs, String finish) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", text);
        c.put("index", 0);
        c.put("logprobs", logprobs);
        c.put("finish_reason", finish);
        return c;
    }

    /** A text, a one-element array of text, or an array of token ids. */
    private int[] prompt(JsonNode p) {
        if (p != null && p.isArray() && p.size() == 1 && p.get(0).isTextual()) {
            p = p.get(0);
        }
        if (p != null && p.isTextual()) {
            return llm.encode(p.asText());
        }
        if (p != null && p.isArray() && !p.isEmpty() && p.get(0).isInt()) {
            int[] ids = new int[p.size()];
            int vocab = llm.model().info().vocabularySize();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = p.get(i).asInt(-1);
                if (ids[i] < 0 || ids[i] >= vocab) {
                    throw OpenAiError.invalid("prompt", "token id " + p.get(i) + " is outside the vocabulary (0 to " + (vocab - 1) + ")");
                }
            }
            return ids;
        }
        throw OpenAiError.invalid("prompt", "prompt must be a text, an array of one text, or an array of token ids");
    }
}
