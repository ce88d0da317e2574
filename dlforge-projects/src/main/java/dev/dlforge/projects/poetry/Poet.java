package dev.dlforge.projects.poetry;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.text.Tokenizer;
import dev.dlforge.core.train.MetricSums;
import dev.dlforge.core.train.StepResult;
import dev.dlforge.models.lm.LanguageModel;
import dev.dlforge.models.lm.TokenCrossEntropy;
import dev.dlforge.models.lm.rnn.RecurrentLm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
        ModelCard card = ModelArtifact.readCard(modelDir);
        if (!PoetryProject.ID.equals(card.project())) {
            throw new DlforgeException("model " + modelDir + " was trained by project " + card.project() + ", not poetry",
                    "use a model folder of a poetry run");
        }
        PoetryRecipe recipe;
        try {
            recipe = Json.MAPPER.treeToValue(card.recipe(), PoetryRecipe.class);
        } catch (JsonProcessingException e) {
            throw new DlforgeException("model " + modelDir + " has a recipe this dlforge cannot read: " + e.getOriginalMessage(), "retrain it");
        }
        Tokenizer tokenizer = PoetryTokenizers.load(recipe, modelDir);
        NDManager manager = Engines.newManager();
        try {
            RecurrentLm network = new RecurrentLm(recipe.network(tokenizer.vocabSize()));
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
        TokenWindows windows = TokenWindows.evaluation(split, tokenizer.encode(text), recipe.window(), PoetryProject.EVAL_BATCH, 0);
        ParameterStore store = new ParameterStore(manager, false);
        MetricSums sums = new MetricSums();
        for (int b = 0; b < windows.batchesPerEpoch(); b++) {
            try (NDManager batchManager = manager.newSubManager()) {
                var batch = windows.batch(0, b, batchManager);
                NDArray logits = network.forward(store, new NDList(batch.inputs().head()), false).head(); // (B, T, V)
                NDArray y = batch.labels().head();
                sums.add(new StepResult(batch.size(), Map.of("loss", (double) TokenCrossEntropy.mean(logits, y).getFloat(),
                        "accuracy", TokenCrossEntropy.accuracy(logits, y))));
            }
        }
        Map<String, Double> m = sums.means("");
        m.put("perplexity", Math.exp(m.get("loss")));
        m.put("tokens", (double) sums.examples());
        return m;
    }

    /**
     * Continues {@code prompt} (a line break when empty) by {@code maxTokens} tokens sampled from
     * softmax(logits / temperature), greedy at temperature 0; padding and unknown ids are never written.
     */
    Continuation write(String prompt, double temperature, int maxTokens, long seed) {
        int[] context = tokenizer.encode(prompt.isEmpty() ? "\n" : prompt);
        if (context.length == 0) {
            context = tokenizer.encode("\n");
        }
        List<Integer> banned = PoetryTokenizers.unwritable(tokenizer);
        Random random = new Random(seed);
        int[] written = new int[maxTokens];
        double logProbability = 0;
        try (LanguageModel.Session session = network.newSession(manager, true)) {
            float[] logits = session.feed(context);
            for (int i = 0; i < maxTokens; i++) {
                double[] p = softmax(logits, 1.0, banned);
                int next = temperature == 0 ? argMax(p) : draw(softmax(logits, temperature, banned), random);
                logProbability += Math.log(p[next]);
                written[i] = next;
                if (i + 1 < maxTokens) {
                    logits = session.feed(new int[] {next});
                }
            }
        }
        return new Continuation(prompt, tokenizer.decode(written), maxTokens, maxTokens == 0 ? 0 : logProbability / maxTokens);
    }

    private static double[] softmax(float[] logits, double temperature, List<Integer> banned) {
        double[] p = new double[logits.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            max = banned.contains(i) ? max : Math.max(max, logits[i] / temperature);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = banned.contains(i) ? 0 : Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int draw(double[] p, Random random) {
        double u = random.nextDouble();
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                last = i;
                u -= p[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last; // rounding left a sliver of u: the last possible token
    }

    @Override
    public void close() {
        manager.close();
    }
}
