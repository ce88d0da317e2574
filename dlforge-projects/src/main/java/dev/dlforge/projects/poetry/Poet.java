package dev.dlforge.projects.poetry;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.core.train.MetricSums;
import dev.dlforge.core.train.StepResult;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.NextTokenLoss;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.TextGenerator;
import dev.dlforge.models.lm.TiledWindows;
import dev.dlforge.models.lm.rnn.RecurrentLm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A trained poetry model loaded from a model folder: it scores text (cross-entropy, perplexity) and
 * continues a prompt token by token through a cached {@link LanguageModel.Session}.
 */
public final class Poet implements AutoCloseable {

    /**
     * A continuation of a prompt.
     *
     * @param text the new text only
     * @param tokens how many tokens were written
     * @param meanLogProbability mean log p(token | before) of the written tokens under the untempered model
     */
    public record Continuation(String prompt, String text, int tokens, double meanLogProbability) {}

    private static final NextTokenLoss LOSS = new NextTokenLoss();
    private final NDManager manager;
    private final RecurrentLm network;
    private final Tokenizer tokenizer;
    private final ModelCard card;
    private final PoetryRecipe recipe;

    private Poet(NDManager manager, RecurrentLm network, Tokenizer tokenizer, ModelCard card, PoetryRecipe recipe) {
        this.manager = manager;
        this.network = network;
        this.tokenizer = tokenizer;
        this.card = card;
        this.recipe = recipe;
    }

    static Poet load(Path modelDir) {
        return load(modelDir, Engines.newManager());
    }

    /** Loads into {@code manager}, which the poet then owns and closes. */
    static Poet load(Path modelDir, NDManager manager) {
        ModelCard card;
        try {
            card = ModelArtifact.readCard(modelDir);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        if (!PoetryProject.ID.equals(card.project())) {
            manager.close();
            throw new DlforgeException("model " + modelDir + " was trained by project " + card.project() + ", not poetry",
                    "use a model folder of a poetry run");
        }
        try {
            PoetryRecipe recipe = RecipeJson.read(card.recipe(), PoetryRecipe.class, "model " + modelDir);
            Tokenizer tokenizer = PoetryTokenizers.load(recipe, modelDir);
            RecurrentLm network = new RecurrentLm(recipe.networkConfig(tokenizer.vocabSize()));
            network.initialize(manager);
            ModelArtifact.loadWeights(modelDir, network);
            return new Poet(manager, network, tokenizer, card, recipe);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    ModelCard card() {
        return card;
    }

    PoetryRecipe recipe() {
        return recipe;
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Per-token {@code loss} (nats) and {@code accuracy} over the windows of {@code text}, plus {@code perplexity}. */
    Map<String, Double> score(String split, String text) {
        TiledWindows windows = TiledWindows.evaluation(split, tokenizer.encode(text), recipe.train().window(), PoetryProject.EVAL_BATCH, 0);
        ParameterStore store = new ParameterStore(manager, false);
        MetricSums sums = new MetricSums();
        for (int b = 0; b < windows.batchesPerEpoch(); b++) {
            try (NDManager batchManager = manager.newSubManager()) {
                var batch = windows.batch(0, b, batchManager);
                NDArray logits = network.forward(store, new NDList(batch.inputs().head()), false).head(); // (B, T, V)
                NDArray y = batch.labels().head();
                sums.add(new StepResult(batch.size(), Map.of("loss", (double) LOSS.evaluate(batch.labels(), new NDList(logits)).getFloat(),
                        "accuracy", NextTokenTask.accuracy(logits, y))));
            }
        }
        Map<String, Double> m = sums.means("");
        m.put("perplexity", Math.exp(m.get("loss")));
        m.put("tokens", (double) sums.examples());
        return m;
    }

    RecurrentLm network() {
        return network;
    }

    /**
     * Continues {@code prompt} (a line break when empty: the start of a poem) by {@code maxTokens} tokens
     * through the shared {@link TextGenerator} (cached recurrent state, temperature sampling, greedy at 0),
     * then scores what it wrote: the mean log-probability the untempered model gives the written text's
     * tokens, re-encoded, after the prompt.
     */
    Continuation write(String prompt, double temperature, int maxTokens, long seed) {
        String context = prompt.isEmpty() ? "\n" : prompt;
        GenerationConfig config = new GenerationConfig(maxTokens, temperature, 0, 1.0, 1.0, List.of(), seed, true);
        String text = new TextGenerator(network, tokenizer).generate(context, config, manager, s -> { }).text();
        int[] before = tokenizer.encode(context);
        int[] written = tokenizer.encode(context + text);
        double logProbability = 0;
        int scored = 0;
        try (LanguageModel.Session session = network.newSession(manager, true)) {
            float[] logits = session.feed(before);
            for (int i = before.length; i < written.length; i++) {
                logProbability += logSoftmax(logits, written[i]);
                scored++;
                if (i + 1 < written.length) {
                    logits = session.feed(new int[] {written[i]});
                }
            }
        }
        return new Continuation(prompt, text, maxTokens, scored == 0 ? 0 : logProbability / scored);
    }

    private static double logSoftmax(float[] logits, int id) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (float z : logits) {
            sum += Math.exp(z - max);
        }
        return logits[id] - max - Math.log(sum);
    }

    @Override
    public void close() {
        manager.close();
    }
}
