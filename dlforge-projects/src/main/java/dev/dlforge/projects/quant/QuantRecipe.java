package dev.dlforge.projects.quant;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.models.lm.llama.LlamaConfig;
import dev.dlforge.projects.gpt.GptRecipe;
import dev.dlforge.projects.kit.Recipes;
import java.util.List;

/**
 * How the {@code quant} project trains its Llama and measures its quantised files. The defaults are the full size:
 * {@link LlamaConfig#small} (dim 512, 6 layers, GQA 8/4, FFN 1536, tied, about 21M parameters with a 4,096-token BPE)
 * on Moby-Dick, 3,000 iterations of 16 x 256 tokens, AdamW (0.9, 0.95), lr 1e-3 warmed up over 5% of the run and
 * cosine-decayed to 1e-4, gradients clipped to 1.0; perplexity on the first 16,384 held-out tokens.
 *
 * <p>{@link #MINI} ({@link #mini}) is a size that trains in minutes on two busy CPU cores, the one the
 * documented table was measured with: dim 256, 2 layers, GQA 4/2, FFN 512, context 64, BPE 1,024 (about 1.4M
 * parameters), 300 iterations of 8 x 64 tokens at lr 3e-3, perplexity on 8,192 held-out tokens.
 *
 * @param model {@code llama} (the full size) or {@code llama-mini}
 * @param dataset a text corpus (moby-dick, brown-text, nlp-corpus, ...)
 * @param limit train on the first {@code limit} windows of the training split (the gpt project's {@code --limit}); 0 all
 * @param corpus the held-out share and the BPE vocabulary, as the gpt project's
 * @param network the Llama, its vocabulary from the tokenizer
 * @param train the loop, in the gpt project's terms (epochs are validations)
 * @param types the GGUF types the F32 export is quantised to, each measured
 * @param evalTokens held-out tokens each file's perplexity is measured on (at most the validation split)
 * @param decodeTokens tokens decoded greedily to time each file
 */
@RecipeSchema(1)
public record QuantRecipe(String model, String dataset, int limit, GptRecipe.Corpus corpus, Network network, GptRecipe.Train train, List<String> types,
                          int evalTokens, int decodeTokens) {

    /** The Llama's shape, as {@link LlamaConfig} without the vocabulary. */
    public record Network(int dim, int layers, int heads, int kvHeads, int ffn, int context, float ropeTheta, float rmsEps,
                          boolean tiedOutput) {
        public static Network of(LlamaConfig c) {
            return new Network(c.dim(), c.layers(), c.heads(), c.kvHeads(), c.ffn(), c.context(), c.ropeTheta(), c.rmsEps(), c.tiedOutput());
        }

        public LlamaConfig config(int vocab) {
            return new LlamaConfig(dim, layers, heads, kvHeads, ffn, vocab, context, ropeTheta, rmsEps, tiedOutput);
        }
    }

    public static final String FULL = "llama";
    public static final String MINI = "llama-mini";

    /** The recipe of {@code model}: {@link #defaults} or {@link #mini}. */
    public static QuantRecipe of(String model) {
        return MINI.equals(model) ? mini() : defaults();
    }

    /** The size the documented table was measured with (see the class comment). */
    public static QuantRecipe mini() {
        return new QuantRecipe(MINI, "moby-dick", 0, new GptRecipe.Corpus(0.1, 1024),
                Network.of(new LlamaConfig(256, 2, 4, 2, 512, 1, 64, 10000f, 1e-5f, true)),
                new GptRecipe.Train(6, 50, 10, 8, 3e-3, 0.1, 0.05, 0.1f, 0.9f, 0.95f, 1.0, 1337),
                List.of("F16", "Q8_0", "Q6_K", "Q5_K", "Q4_K", "Q4_1", "Q4_0"), 8192, 48);
    }

    /** The full-size recipe (see the class comment). */
    public static QuantRecipe defaults() {
        return new QuantRecipe(FULL, "moby-dick", 0, new GptRecipe.Corpus(0.1, 4096), Network.of(LlamaConfig.small(1)),
                new GptRecipe.Train(15, 200, 20, 16, 1e-3, 0.1, 0.05, 0.1f, 0.9f, 0.95f, 1.0, 1337),
                List.of("F16", "Q8_0", "Q6_K", "Q5_K", "Q4_K", "Q4_1", "Q4_0"), 16384, 64);
    }

    /** The GGUF types to write, parsed. */
    public List<GgmlType> ggmlTypes() {
        return types.stream().map(t -> {
            try {
                return GgmlType.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new DlforgeException("unknown GGUF type '" + t + "'", "use F16, BF16, Q8_0, Q6_K, Q5_K, Q4_K, Q4_1 or Q4_0");
            }
        }).toList();
    }

    /** The gpt project's view of this recipe, to read and tokenize the corpus the same way (BPE on the training split). */
    GptRecipe corpusRecipe() {
        return new GptRecipe(GptRecipe.BPE, dataset, limit, corpus,
                new GptRecipe.Network(1, 1, 1, network.context(), 0f, false), train);
    }

    /** The recipe checked, with {@code --limit}'s derived validation interval (idempotent). */
    public QuantRecipe validated() {
        require(FULL.equals(model) || MINI.equals(model), "project quant has no model '" + model + "' (choose llama or llama-mini)");
        require(dataset != null && !dataset.isBlank(), "the recipe names no dataset");
        require(limit >= 0, "--limit must be at least 1 training window, got " + limit);
        require(corpus != null && network != null && train != null && types != null, "the recipe lacks its corpus, network, train or types");
        require(corpus.bpeVocab() > 256, "a byte-level BPE needs more than 256 tokens, got " + corpus.bpeVocab());
        require(train.epochs() >= 1 && train.batchSize() >= 1 && train.evalInterval() >= 1 && train.evalIters() >= 1,
                "epochs, batch size, validation interval and batches must be at least 1");
        require(train.learningRate() > 0 && Double.isFinite(train.learningRate()), "--lr must be a positive number, got " + train.learningRate());
        require(evalTokens >= 2 && decodeTokens >= 1, "evalTokens must be at least 2 and decodeTokens at least 1");
        try {
            network.config(corpus.bpeVocab());
        } catch (IllegalArgumentException e) {
            throw new DlforgeException("the network is not a valid Llama: " + e.getMessage(), "see docs/projects/quant.md");
        }
        ggmlTypes();
        // --limit N: a validation after each pass over the N windows, as the gpt project derives it
        int interval = corpusRecipe().validated().train().evalInterval();
        return interval == train.evalInterval() ? this : Recipes.with(this, "train.evalInterval", interval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help` and docs/projects/quant.md");
        }
    }
}
