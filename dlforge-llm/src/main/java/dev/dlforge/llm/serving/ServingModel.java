package dev.dlforge.llm.serving;

import dev.dlforge.llm.chat.ChatMessage;
import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.model.DecoderModels;
import dev.dlforge.llm.tokenizer.Tokenizer;
import dev.dlforge.llm.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GGUF file opened for serving: the engine's model with its own thread pool (closed with it), and its tokenizer
 * and chat template. Where the engine does not give them yet, the tokenizer is read from the file's
 * {@code tokenizer.ggml.*} metadata ({@link Tokenizers#fromGguf}) and the template is ChatML with Hermes-style
 * {@code <tool_call>} JSON, until the chat templates of {@code dev.dlforge.llm.chat} are wired into the models.
 */
public final class ServingModel implements DecoderModel {
    private final DecoderModel engine;
    private final RowPool pool;
    private final Tokenizer tokenizer;
    private final ChatTemplate template;

    private ServingModel(DecoderModel engine, RowPool pool, Tokenizer tokenizer, ChatTemplate template) {
        this.engine = engine;
        this.pool = pool;
        this.tokenizer = tokenizer;
        this.template = template;
    }

    public static ServingModel open(Path gguf, int threads) throws IOException {
        RowPool pool = new RowPool(threads);
        try {
            DecoderModel engine = DecoderModels.open(gguf, pool);
            Tokenizer tokenizer;
            ChatTemplate template;
            try {
                tokenizer = engine.tokenizer();
            } catch (UnsupportedOperationException e) {
                try (GgufFile file = GgufFile.open(gguf)) {
                    tokenizer = Tokenizers.fromGguf(file.metadata());
                }
            }
            try {
                template = engine.chatTemplate();
            } catch (UnsupportedOperationException e) {
                template = new ChatMl();
            }
            return new ServingModel(engine, pool, tokenizer, template);
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public ModelInfo info() {
        return engine.info();
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public ChatTemplate chatTemplate() {
        return template;
    }

    @Override
    public KvCache newCache(long budgetBytes) {
        return engine.newCache(budgetBytes);
    }

    @Override
    public float[][] forward(KvCache cache, List<Step> steps) {
        return engine.forward(cache, steps);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            pool.close();
        }
    }

    /** ChatML turns ({@code <|im_start|>role\n...<|im_end|>}); tools and calls as Qwen2/Hermes write them. */
    static final class ChatMl implements ChatTemplate {
        private static final Pattern CALL = Pattern.compile("<tool_call>\\s*(\\{.*?\\})\\s*</tool_call>", Pattern.DOTALL);
        private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern ARGS = Pattern.compile("\"arguments\"\\s*:\\s*(\\{.*\\})\\s*\\}\\s*$", Pattern.DOTALL);

        @Override
        public String family() {
            return "chatml";
        }

        @Override
        public String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt) {
            StringBuilder b = new StringBuilder();
            if (!toolsJson.isEmpty()) {
                b.append("<|im_start|>system\nYou may call these tools; to call one, answer <tool_call>{\"name\": ..., \"arguments\": {...}}"
                        + "</tool_call>\n<tools>\n").append(String.join("\n", toolsJson)).append("\n</tools><|im_end|>\n");
            }
            for (ChatMessage m : messages) {
                String role = m.role().equals("tool") ? "user" : m.role();
                b.append("<|im_start|>").append(role).append('\n');
                if (m.role().equals("tool")) {
                    b.append("<tool_response>\n").append(m.content()).append("\n</tool_response>");
                } else {
                    b.append(m.content());
                }
                for (ChatMessage.ToolCall c : m.toolCalls()) {
                    b.append("<tool_call>\n{\"name\": \"").append(c.name()).append("\", \"arguments\": ").append(c.argumentsJson())
                            .append("}\n</tool_call>");
                }
                b.append("<|im_end|>\n");
            }
            if (addGenerationPrompt) {
                b.append("<|im_start|>assistant\n");
            }
            return b.toString();
        }

        @Override
        public List<ChatMessage.ToolCall> toolCalls(String completion) {
            List<ChatMessage.ToolCall> calls = new ArrayList<>();
            Matcher m = CALL.matcher(completion);
            while (m.find()) {
                Matcher name = NAME.matcher(m.group(1));
                Matcher args = ARGS.matcher(m.group(1));
                if (name.find()) {
                    calls.add(new ChatMessage.ToolCall("call_" + calls.size(), name.group(1), args.find() ? args.group(1) : "{}"));
                }
            }
            return calls;
        }
    }
}
