package dev.dlforge.llm.model;

import dev.dlforge.llm.chat.ChatTemplate;
import dev.dlforge.llm.chat.ChatTemplates;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.KvCache;
import dev.dlforge.llm.engine.PagedKvCache;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.GgufMetadata;
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
 * GPT-2 (llama.cpp's {@code gpt2} architecture; dlforge's own {@code gpt} runs export to it): learned positions,
 * pre-LayerNorm blocks with biases, fused QKV, GELU, and the head tied to the token embedding unless {@code output.weight}
 * is present.
 * <pre>
 *   x   = wte[token] + wpe[pos]
 *   h   = x + Wo attention(split(Wqkv ln1(x) + bqkv)) + bo
 *   x'  = h + Wdown gelu(Wup ln2(h) + bup) + bdown
 *   logits = Wout ln_f(x)
 * </pre>
 */
public final class Gpt2Model implements DecoderModel {
    private final GgufFile file;
    private Tokenizer tokenizer;
    private ChatTemplate chatTemplate;
    private final RowPool pool;
    private final int dim;
    private final int heads;
    private final int ffn;
    private final int vocab;
    private final int context;
    private final float eps;
    private final WeightMatrix embedding;
    private final WeightMatrix positions;
    private final WeightMatrix output;
    private final float[] normW;
    private final float[] normB;
    private final Layer[] layers;
    private final ModelInfo info;

    private record Layer(float[] ln1w, float[] ln1b, WeightMatrix qkv, float[] qkvb, WeightMatrix o, float[] ob,
                         float[] ln2w, float[] ln2b, WeightMatrix up, float[] upb, WeightMatrix down, float[] downb) { }

    Gpt2Model(GgufFile file, RowPool pool) {
        this.file = file;
        this.pool = pool;
        GgufMetadata m = file.metadata();
        this.dim = (int) m.requireInteger("gpt2.embedding_length");
        this.heads = (int) m.requireInteger("gpt2.attention.head_count");
        this.ffn = (int) m.requireInteger("gpt2.feed_forward_length");
        this.context = (int) m.requireInteger("gpt2.context_length");
        this.eps = (float) m.real("gpt2.attention.layer_norm_epsilon").orElse(1e-5);
        ModelWeights w = new ModelWeights(file);
        this.embedding = w.matrix("token_embd.weight");
        this.vocab = embedding.rows();
        this.positions = w.matrix("position_embd.weight");
        this.output = w.optionalMatrix("output.weight").orElse(embedding);
        this.normW = w.vector("output_norm.weight");
        this.normB = w.vector("output_norm.bias");
        this.layers = new Layer[(int) m.requireInteger("gpt2.block_count")];
        for (int l = 0; l < layers.length; l++) {
            String p = "blk." + l + ".";
            layers[l] = new Layer(w.vector(p + "attn_norm.weight"), w.vector(p + "attn_norm.bias"), w.matrix(p + "attn_qkv.weight"),
                    w.vector(p + "attn_qkv.bias"), w.matrix(p + "attn_output.weight"), w.vector(p + "attn_output.bias"),
                    w.vector(p + "ffn_norm.weight"), w.vector(p + "ffn_norm.bias"), w.matrix(p + "ffn_up.weight"), w.vector(p + "ffn_up.bias"),
                    w.matrix(p + "ffn_down.weight"), w.vector(p + "ffn_down.bias"));
        }
        this.info = new ModelInfo(m.string("general.name").orElse(file.path().getFileName().toString()), "gpt2", vocab, context,
                w.parameters(), layers[0].qkv().type().name());
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
        return new PagedKvCache(layers.length, dim, budgetBytes);
    }

    @Override
    public float[][] forward(KvCache kvCache, List<Step> steps) {
        Batch batch = Batch.of(kvCache, steps, context, vocab);
        int n = batch.tokens();
        int headDim = dim / heads;
        float[][] x = new float[n][dim];
        float[] pos = new float[dim];
        for (int t = 0; t < n; t++) {
            embedding.row(batch.token(t), x[t]);
            positions.row(batch.position(t), pos);
            for (int i = 0; i < dim; i++) {
                x[t][i] += pos[i];
            }
        }
        float[][] xb = new float[n][dim];
        float[][] qkv = new float[n][3 * dim];
        float[][] q = new float[n][dim];
        float[][] k = new float[n][dim];
        float[][] v = new float[n][dim];
        float[][] att = new float[n][dim];
        float[][] proj = new float[n][dim];
        float[][] up = new float[n][ffn];
        for (int l = 0; l < layers.length; l++) {
            Layer L = layers[l];
            for (int t = 0; t < n; t++) {
                RmsNorm.layerNorm(xb[t], x[t], L.ln1w(), L.ln1b(), eps, dim);
            }
            pool.multiply(new MatInput(xb, n), new Product(L.qkv(), qkv));
            for (int t = 0; t < n; t++) {
                LlamaModel.addBias(qkv[t], L.qkvb());
                System.arraycopy(qkv[t], 0, q[t], 0, dim);
                System.arraycopy(qkv[t], dim, k[t], 0, dim);
                System.arraycopy(qkv[t], 2 * dim, v[t], 0, dim);
                PagedAttention.store(batch.cache(), l, batch.sequence(t), batch.position(t), k[t], v[t]);
            }
            PagedAttention.attend(pool, batch.cache(), l, q, att, batch.sequences(), batch.positions(), n, heads, heads, headDim);
            pool.multiply(new MatInput(att, n), new Product(L.o(), proj));
            for (int t = 0; t < n; t++) {
                LlamaModel.addBias(proj[t], L.ob());
            }
            LlamaModel.addInto(x, proj, n);
            for (int t = 0; t < n; t++) {
                RmsNorm.layerNorm(xb[t], x[t], L.ln2w(), L.ln2b(), eps, dim);
            }
            pool.multiply(new MatInput(xb, n), new Product(L.up(), up));
            for (int t = 0; t < n; t++) {
                LlamaModel.addBias(up[t], L.upb());
                Activations.gelu(up[t], ffn);
            }
            pool.multiply(new MatInput(up, n), new Product(L.down(), proj));
            for (int t = 0; t < n; t++) {
                LlamaModel.addBias(proj[t], L.downb());
            }
            LlamaModel.addInto(x, proj, n);
        }
        batch.commit();
        float[][] last = new float[steps.size()][dim];
        for (int s = 0; s < steps.size(); s++) {
            RmsNorm.layerNorm(last[s], x[batch.lastToken(s)], normW, normB, eps, dim);
        }
        float[][] logits = new float[steps.size()][vocab];
        pool.multiply(new MatInput(last), new Product(output, logits));
        return logits;
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
