package dev.dlforge.llm.model;

import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.chat.ChatTemplates;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.engine.PagedKvCache;
import dev.dlforge.llm.engine.PagedKvCache.PagedSequence;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.kernel.Activations;
import dev.dlforge.llm.kernel.MatInput;
import dev.dlforge.llm.kernel.RmsNorm;
import dev.dlforge.llm.kernel.RowPool;
import dev.dlforge.llm.kernel.RowPool.Product;
import dev.dlforge.llm.kernel.WeightMatrix;
import dev.dlforge.llm.tokenizer.Tokenizer;
import dev.dlforge.llm.tokenizer.Tokenizers;
import java.util.List;

/**
 * The Llama family (Llama 2/3, Mistral, Qwen2) over memory-mapped GGUF weights. Per layer, for every token of the batch:
 * <pre>
 *   h   = x + Wo attention(rope(Wq rms(x) + bq), rope(Wk rms(x) + bk), Wv rms(x) + bv)   // GQA over the paged cache
 *   x'  = h + Wdown (silu(Wgate rms(h)) * Wup rms(h))
 * </pre>
 * then {@code logits = Wout rms(x)} for each step's last token ({@code Wout} = {@code token_embd} when tied).
 */
public final class LlamaModel implements DecoderModel {
    private final GgufFile file;
    private Tokenizer tokenizer;
    private ChatTemplate chatTemplate;
    private final LlamaConfig c;
    private final RowPool pool;
    private final WeightMatrix embedding;
    private final WeightMatrix output;
    private final float[] outputNorm;
    private final Layer[] layers;
    private final ModelInfo info;

    private record Layer(float[] attnNorm, WeightMatrix q, WeightMatrix k, WeightMatrix v, float[] qb, float[] kb, float[] vb,
                         WeightMatrix o, float[] ffnNorm, WeightMatrix gate, WeightMatrix up, WeightMatrix down) { }

    LlamaModel(GgufFile file, RowPool pool) {
        this.file = file;
        this.c = LlamaConfig.read(file);
        this.pool = pool;
        ModelWeights w = new ModelWeights(file);
        this.embedding = w.matrix("token_embd.weight");
        this.output = w.optionalMatrix("output.weight").orElse(embedding);
        this.outputNorm = w.vector("output_norm.weight");
        this.layers = new Layer[c.layers()];
        for (int l = 0; l < c.layers(); l++) {
            String p = "blk." + l + ".";
            layers[l] = new Layer(w.vector(p + "attn_norm.weight"), w.matrix(p + "attn_q.weight"), w.matrix(p + "attn_k.weight"),
                    w.matrix(p + "attn_v.weight"), w.optionalVector(p + "attn_q.bias").orElse(null), w.optionalVector(p + "attn_k.bias").orElse(null),
                    w.optionalVector(p + "attn_v.bias").orElse(null), w.matrix(p + "attn_output.weight"), w.vector(p + "ffn_norm.weight"),
                    w.matrix(p + "ffn_gate.weight"), w.matrix(p + "ffn_up.weight"), w.matrix(p + "ffn_down.weight"));
        }
        this.info = new ModelInfo(file.metadata().string("general.name").orElse(file.path().getFileName().toString()), c.architecture(),
                c.vocab(), c.contextLength(), w.parameters(), layers[0].q().type().name());
    }

    public LlamaConfig config() {
        return c;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The tokenizer of the file's {@code tokenizer.ggml.*} metadata, read on first use. */
    @Override
    public synchronized Tokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = Tokenizers.fromGguf(file.metadata());
        }
        return tokenizer;
    }

    /** The chat template family of {@code tokenizer.chat_template}, chosen on first use. */
    @Override
    public synchronized ChatTemplate chatTemplate() {
        if (chatTemplate == null) {
            chatTemplate = ChatTemplates.fromGguf(file.metadata());
        }
        return chatTemplate;
    }

    @Override
    public PagedKvCache newCache(long budgetBytes) {
        return new PagedKvCache(c.layers(), c.kvDim(), budgetBytes);
    }

    @Override
    public float[][] forward(KvCache kvCache, List<Step> steps) {
        Batch batch = Batch.of(kvCache, steps, c.contextLength(), c.vocab());
        PagedKvCache cache = batch.cache();
        int n = batch.tokens();
        float[][] x = new float[n][c.dim()];
        for (int t = 0; t < n; t++) {
            embedding.row(batch.token(t), x[t]);
        }
        float[][] xb = new float[n][c.dim()];
        float[][] q = new float[n][c.qDim()];
        float[][] k = new float[n][c.kvDim()];
        float[][] v = new float[n][c.kvDim()];
        float[][] att = new float[n][c.qDim()];
        float[][] proj = new float[n][c.dim()];
        float[][] gate = new float[n][c.ffn()];
        float[][] up = new float[n][c.ffn()];
        for (int l = 0; l < c.layers(); l++) {
            Layer L = layers[l];
            for (int t = 0; t < n; t++) {
                RmsNorm.rmsNorm(xb[t], x[t], L.attnNorm(), c.rmsEps(), c.dim());
            }
            pool.multiply(new MatInput(xb, n), new Product(L.q(), q), new Product(L.k(), k), new Product(L.v(), v));
            for (int t = 0; t < n; t++) {
                addBias(q[t], L.qb());
                addBias(k[t], L.kb());
                addBias(v[t], L.vb());
                c.rope().apply(q[t], 0, c.heads(), c.headDim(), batch.position(t));
                c.rope().apply(k[t], 0, c.kvHeads(), c.headDim(), batch.position(t));
                PagedAttention.store(cache, l, batch.sequence(t), batch.position(t), k[t], v[t]);
            }
            PagedAttention.attend(pool, cache, l, q, att, batch.sequences(), batch.positions(), n, c.heads(), c.kvHeads(), c.headDim());
            pool.multiply(new MatInput(att, n), new Product(L.o(), proj));
            addInto(x, proj, n);
            for (int t = 0; t < n; t++) {
                RmsNorm.rmsNorm(xb[t], x[t], L.ffnNorm(), c.rmsEps(), c.dim());
            }
            pool.multiply(new MatInput(xb, n), new Product(L.gate(), gate), new Product(L.up(), up));
            for (int t = 0; t < n; t++) {
                Activations.swiglu(gate[t], up[t], c.ffn());
            }
            pool.multiply(new MatInput(gate, n), new Product(L.down(), proj));
            addInto(x, proj, n);
        }
        batch.commit();
        float[][] last = new float[steps.size()][c.dim()];
        for (int s = 0; s < steps.size(); s++) {
            RmsNorm.rmsNorm(last[s], x[batch.lastToken(s)], outputNorm, c.rmsEps(), c.dim());
        }
        float[][] logits = new float[steps.size()][c.vocab()];
        pool.multiply(new MatInput(last), new Product(output, logits));
        return logits;
    }

    static void addBias(float[] x, float[] bias) {
        if (bias != null) {
            for (int i = 0; i < bias.length; i++) {
                x[i] += bias[i];
            }
        }
    }

    static void addInto(float[][] x, float[][] y, int n) {
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < x[t].length; i++) {
                x[t][i] += y[t][i];
            }
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
