package dev.dlforge.llm.serving;

import dev.dlforge.llm.chat.ChatMessage;
import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real, tiny language model for the scheduler's tests: byte bigram counts from the sentences it is trained on,
 * {@code logit(b | a) = log((count(a, b) + 0.01) / (count(a) + 0.01 * 257))}, where {@code a} is the last token of the
 * sequence as read back from the cache (so a scheduler that feeds the wrong tokens or positions gets other text).
 * Each sentence ends with the end-of-text token.
 */
public final class BigramModel implements DecoderModel {
    private static final int V = 257;
    private final float[][] logits = new float[V][V];
    private final ByteTokenizer tokenizer = new ByteTokenizer();
    private final int blockTokens;
    private final int contextLength;
    /** Tokens fed in all (a test reads it to see that a shared prefix was not recomputed). */
    public long tokensFed;
    /** When set, every forward pass waits for it: a test holds the first iteration until all its requests are queued. */
    private volatile CountDownLatch gate;

    public BigramModel(List<String> sentences, int blockTokens, int contextLength) {
        this.blockTokens = blockTokens;
        this.contextLength = contextLength;
        double[][] counts = new double[V][V];
        for (String s : sentences) {
            int[] ids = tokenizer.encode(s, false, false);
            for (int i = 0; i < ids.length; i++) {
                counts[ids[i]][i + 1 < ids.length ? ids[i + 1] : ByteTokenizer.EOS]++;
            }
        }
        for (int a = 0; a < V; a++) {
            double total = 0;
            for (double c : counts[a]) {
                total += c;
            }
            for (int b = 0; b < V; b++) {
                logits[a][b] = (float) Math.log((counts[a][b] + 0.01) / (total + 0.01 * V));
            }
        }
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("bigram", "bigram", V, contextLength, (long) V * V, "F32");
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public ChatTemplate chatTemplate() {
        return new PlainChatTemplate();
    }

    @Override
    public KvCache newCache(long budgetBytes) {
        return new TokenBlockCache(blockTokens, (int) Math.max(1, budgetBytes / Integer.BYTES / blockTokens));
    }

    /** Makes every forward pass wait until {@code g} is counted down. */
    public void holdForwardsUntil(CountDownLatch g) {
        this.gate = g;
    }

    @Override
    public float[][] forward(KvCache cache, List<Step> steps) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        TokenBlockCache c = (TokenBlockCache) cache;
        float[][] out = new float[steps.size()][];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            c.append(step.sequence(), step.tokens());
            tokensFed += step.tokens().length;
            int last = c.token(step.sequence(), step.sequence().length() - 1);
            out[i] = logits[last].clone();
        }
        return out;
    }

    @Override
    public void close() {
    }

    /** "role: content" lines, and tool calls as {@code <tool_call>{"name": ..., "arguments": {...}}</tool_call>}. */
    static final class PlainChatTemplate implements ChatTemplate {
        private static final Pattern CALL = Pattern.compile("<tool_call>\\s*\\{\"name\":\\s*\"([^\"]+)\",\\s*\"arguments\":\\s*(\\{.*?\\})\\}\\s*</tool_call>",
                Pattern.DOTALL);

        @Override
        public String family() {
            return "plain";
        }

        @Override
        public int toolCallStart(String partial) {
            return ChatTemplate.markerStart(partial, "<tool_call>");
        }

        @Override
        public String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt) {
            StringBuilder b = new StringBuilder();
            if (!toolsJson.isEmpty()) {
                b.append("tools: ").append(String.join(", ", toolsJson)).append('\n');
            }
            for (ChatMessage m : messages) {
                b.append(m.role()).append(": ").append(m.content());
                m.toolCalls().forEach(t -> b.append("<tool_call>{\"name\": \"").append(t.name()).append("\", \"arguments\": ")
                        .append(t.argumentsJson()).append("}</tool_call>"));
                b.append('\n');
            }
            if (addGenerationPrompt) {
                b.append("assistant:");
            }
            return b.toString();
        }

        @Override
        public List<ChatMessage.ToolCall> toolCalls(String completion) {
            List<ChatMessage.ToolCall> calls = new ArrayList<>();
            Matcher m = CALL.matcher(completion);
            while (m.find()) {
                calls.add(new ChatMessage.ToolCall("call_" + calls.size(), m.group(1), m.group(2)));
            }
            return calls;
        }
    }
}
