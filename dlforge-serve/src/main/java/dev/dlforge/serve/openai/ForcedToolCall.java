package dev.dlforge.serve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlforge.llm.chat.ChatMessage;
import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.sample.SamplingParams;
import dev.dlforge.llm.serving.GenerationRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A call of a named function that the answer must be (OpenAI's forced {@code tool_choice}), by constrained decoding:
 * the server writes the call's frame in the chat family's own format (the template's rendering of an assistant turn
 * that calls the function, cut where its arguments begin) and the JSON around each argument; the model fills in each
 * value, one generation per argument (the prompt so far is a cached prefix), sampling only tokens that keep it valid:
 * a string's characters up to its closing quote, an integer's or number's digits, one of an enum's values or
 * {@code true}/{@code false} by its first token. The result always parses as a JSON object with every required
 * parameter (every parameter when none is marked required).
 */
final class ForcedToolCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u0001ARGUMENTS\u0001";
    private static final int STRING_TOKENS = 16;
    private static final int NUMBER_TOKENS = 3;

    /** Hears the arguments' text as it grows. */
    interface ArgumentsSink {
        void append(String text) throws IOException;
    }

    /** The call, and the tokens it cost. */
    record Call(ChatMessage.ToolCall call, int promptTokens, int cachedTokens, int completionTokens) { }

    private final ServedLlm llm;

    ForcedToolCall(ServedLlm llm) {
        this.llm = llm;
    }

    Call run(List<ChatMessage> messages, ToolChoice tools, SamplingParams sampling, ArgumentsSink sink, int[] retryAfter) throws IOException {
        String name = tools.forced().path("name").asText();
        ChatMessage.ToolCall call = new ChatMessage.ToolCall(OpenAiJson.id("call_"), name, "");
        String text = frame(messages, tools, call);
        StringBuilder args = new StringBuilder("{");
        sink.append("{");
        int prompt = -1;
        int cached = 0;
        int generated = 0;
        JsonNode schema = tools.forced().path("parameters");
        Iterator<String> names = parameters(schema).iterator();
        while (names.hasNext()) {
            String param = names.next();
            String key = JSON.writeValueAsString(param) + ": ";
            args.append(key);
            sink.append(key);
            JsonNode type = schema.path("properties").path(param);
            String value;
            int[] ids = llm.encode(text + args);
            String kind = type.has("enum") ? "enum" : type.path("type").asText("string");
            GenerationRun.Result r = switch (kind) {
                case "integer", "number" -> generate(ids, NUMBER_TOKENS, llm.digitToken(), sampling, List.of(), retryAfter);
                case "boolean", "enum" -> generate(ids, 1, prefixOf(choices(type)), sampling, List.of(), retryAfter);
                default -> generate(ids, STRING_TOKENS, llm.jsonStringToken(), sampling, List.of("\""), retryAfter);
            };
            value = switch (kind) {
                case "integer", "number" -> r.text().isEmpty() ? "0" : r.text().replaceFirst("^0+(?=\\d)", "");
                case "boolean" -> choose(choices(type), r.text());
                case "enum" -> JSON.writeValueAsString(choose(choices(type), r.text()));
                default -> JSON.writeValueAsString(r.text());
            };
            if (prompt < 0) {
                prompt = r.finish().promptTokens();
                cached = r.finish().cachedPromptTokens();
            }
            generated += r.finish().completionTokens();
            String piece = value + (names.hasNext() ? ", " : "");
            args.append(piece);
            sink.append(piece);
        }
        args.append('}');
        sink.append("}");
        if (prompt < 0) {
            prompt = llm.encode(text).length;
        }
        return new Call(new ChatMessage.ToolCall(call.id(), name, args.toString()), prompt, cached, generated);
    }

    /** The prompt up to where the arguments begin, in the family's format when the template writes calls as given. */
    private String frame(List<ChatMessage> messages, ToolChoice tools, ChatMessage.ToolCall call) throws IOException {
        ChatTemplate template = llm.model().chatTemplate();
        String prompt = template.render(messages, tools.schemas(), true);
        List<ChatMessage> withCall = new ArrayList<>(messages);
        withCall.add(new ChatMessage("assistant", "", List.of(new ChatMessage.ToolCall(call.id(), call.name(), MARK)), null));
        try {
            String rendered = template.render(withCall, tools.schemas(), false);
            int at = rendered.indexOf(MARK);
            if (at >= 0 && rendered.startsWith(prompt)) {
                return rendered.substring(0, at);
            }
        } catch (RuntimeException e) {
            // a template that reads the arguments as JSON: the generic frame below
        }
        return prompt + "{\"name\": " + JSON.writeValueAsString(call.name()) + ", \"arguments\": ";
    }

    private GenerationRun.Result generate(int[] ids, int maxTokens, IntPredicate allowed, SamplingParams sampling, List<String> stop,
            int[] retryAfter) {
        llm.budget(ids.length, maxTokens);
        return GenerationRun.collect(llm, new GenerationRequest(ids, sampling, maxTokens, stop, allowed), retryAfter);
    }

    /** The parameters to fill: the required ones, or every one when none is required. */
    private static List<String> parameters(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) {
            schema.path("properties").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> choices(JsonNode type) {
        if (!type.has("enum")) {
            return List.of("true", "false");
        }
        List<String> values = new ArrayList<>();
        type.get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Tokens whose text begins one of {@code values} (or is all of one). */
    private IntPredicate prefixOf(List<String> values) {
        var tokenizer = llm.tokenizer();
        return id -> {
            String t = new String(tokenizer.tokenBytes(id), java.nio.charset.StandardCharsets.UTF_8);
            return !t.isEmpty() && values.stream().anyMatch(v -> v.startsWith(t));
        };
    }

    private static String choose(List<String> values, String prefix) {
        return values.stream().filter(v -> !prefix.isEmpty() && v.startsWith(prefix)).findFirst().orElse(values.get(0));
    }
}
