package dev.dlforge.serve.openai;

import dev.dlforge.llm.serving.GenerationListener.Alternative;
import dev.dlforge.llm.serving.GenerationListener.Finish;
import dev.dlforge.llm.serving.GenerationListener.Token;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The pieces of OpenAI's response JSON that chat and text completions share (as maps, written by Jackson). */
final class OpenAiJson {
    private OpenAiJson() {
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The envelope of a response or a chunk: id, object, created, model. */
    static Map<String, Object> envelope(String id, String object, long created, String model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("object", object);
        m.put("created", created);
        m.put("model", model);
        m.put("system_fingerprint", "dlforge");
        return m;
    }

    static Map<String, Object> usage(Finish f, int completionTokens) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("prompt_tokens", f.promptTokens());
        u.put("completion_tokens", completionTokens);
        u.put("total_tokens", f.promptTokens() + completionTokens);
        u.put("prompt_tokens_details", Map.of("cached_tokens", f.cachedPromptTokens()));
        return u;
    }

    /** Chat's {@code logprobs.content}: per token its text, log-probability, bytes and alternatives. */
    static Map<String, Object> chatLogprobs(List<Token> tokens, Tokenizer tokenizer) {
        List<Object> content = new ArrayList<>();
        for (Token t : tokens) {
            Map<String, Object> entry = piece(tokenizer, t.id(), t.logprob());
            List<Object> top = new ArrayList<>();
            for (Alternative a : t.top()) {
                top.add(piece(tokenizer, a.id(), a.logprob()));
            }
            entry.put("top_logprobs", top);
            content.add(entry);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content", content);
        m.put("refusal", null);
        return m;
    }

    /** The legacy completions' {@code logprobs}: tokens, token_logprobs, top_logprobs (text to logprob), text_offset. */
    static Map<String, Object> textLogprobs(List<Token> tokens, Tokenizer tokenizer, int offset) {
        List<String> texts = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        List<Map<String, Double>> tops = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int at = offset;
        for (Token t : tokens) {
            String text = text(tokenizer, t.id());
            texts.add(text);
            logprobs.add(t.logprob());
            offsets.add(at);
            at += text.length();
            Map<String, Double> top = new LinkedHashMap<>();
            t.top().forEach(a -> top.putIfAbsent(text(tokenizer, a.id()), a.logprob()));
            tops.add(top);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokens", texts);
        m.put("token_logprobs", logprobs);
        m.put("top_logprobs", tops);
        m.put("text_offset", offsets);
        return m;
    }

    private static Map<String, Object> piece(Tokenizer tokenizer, int id, double logprob) {
        byte[] b = tokenizer.tokenBytes(id);
        List<Integer> bytes = new ArrayList<>();
        for (byte x : b) {
            bytes.add(x & 0xFF);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", new String(b, StandardCharsets.UTF_8));
        m.put("logprob", logprob);
        m.put("bytes", bytes);
        return m;
    }

    private static String text(Tokenizer tokenizer, int id) {
        return new String(tokenizer.tokenBytes(id), StandardCharsets.UTF_8);
    }
}
