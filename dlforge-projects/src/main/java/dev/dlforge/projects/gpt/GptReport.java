package dev.dlforge.projects.gpt;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.plot.CurvePlot;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.models.lm.Generation;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a GPT run: validation loss next to nanoGPT's published figure, loss curves per
 * validation, samples at several temperatures from a prompt taken from the validation text, and
 * decoding speed with and without the KV cache.
 */
final class GptReport {
    /** nanoGPT's README: baby config on Shakespeare characters, CPU, 2,000 iterations. */
    static final double NANOGPT_SHAKESPEARE_CHAR_VAL_LOSS = 1.88;
    static final double[] TEMPERATURES = {0.5, 0.8, 1.0, 1.2};

    private GptReport() {}

    static void write(RunDir run, GptRecipe recipe, GptCorpus corpus, List<EpochRecord> history, Map<String, Double> metrics,
            LoadedLanguageModel lm, NDManager manager) throws IOException {
        Files.createDirectories(run.plots());
        MarkdownReport md = new MarkdownReport("gpt: a GPT from scratch (" + recipe.model() + " tokens, " + corpus.datasetId() + ")");
        double valLoss = metrics.getOrDefault("val_loss", Double.NaN);
        md.paragraph(String.format(Locale.ROOT, "Run `%s`. Validation loss **%.4f** (perplexity %.2f) after %,d iterations%s.",
                run.id(), valLoss, Math.exp(valLoss), metrics.getOrDefault("iterations", 0.0).intValue(),
                recipe.model().equals(GptRecipe.CHAR) ? String.format(Locale.ROOT,
                        "; nanoGPT reports %.2f for this config on Shakespeare characters (a different text: Moby-Dick's vocabulary"
                                + " and style are richer, so the figures are neighbours, not a match)", NANOGPT_SHAKESPEARE_CHAR_VAL_LOSS) : ""));
        md.table(List.of("", ""), List.of(
                List.of("data", String.format(Locale.ROOT, "%s: %,d characters, first %.0f%% for training, the rest for validation%s:"
                        + " %,d / %,d windows of %d tokens (%,d / %,d tokens)", corpus.datasetId(), corpus.characters(),
                        100 * (1 - recipe.corpus().validationFraction()), recipe.limit() > 0 ? " (--limit " + recipe.limit() + ": the first "
                        + recipe.limit() + " training windows and the validation split's share)" : "",
                        GptCorpus.windows(corpus.train(), recipe.network().blockSize()), GptCorpus.windows(corpus.validation(), recipe.network().blockSize()),
                        recipe.network().blockSize(), corpus.train().length, corpus.validation().length)),
                List.of("tokenizer", recipe.model().equals(GptRecipe.CHAR) ? "characters, vocabulary " + corpus.tokenizer().vocabSize()
                        : "byte-level BPE trained on the training text, vocabulary " + corpus.tokenizer().vocabSize()),
                List.of("model", String.format(Locale.ROOT, "%d layers, %d heads, %d channels, context %d, %,d parameters",
                        recipe.network().nLayer(), recipe.network().nHead(), recipe.network().nEmbd(), recipe.network().blockSize(),
                        metrics.getOrDefault("parameters", 0.0).longValue())),
                List.of("training", String.format(Locale.ROOT, "AdamW (%.2f, %.2f), weight decay %.2f on matrices, lr %.0e with %d warm-up"
                        + " iterations, cosine to %.0e, clip %.1f, batch %d", recipe.train().beta1(), recipe.train().beta2(),
                        recipe.train().weightDecay(), recipe.train().learningRate(), recipe.train().warmupIters(),
                        recipe.train().minLearningRate(), recipe.train().gradClip(), recipe.train().batchSize())),
                List.of("time", String.format(Locale.ROOT, "%.0f s", metrics.getOrDefault("train_seconds", 0.0)))));

        md.section("Loss");
        double[] iters = history.stream().mapToDouble(r -> r.epoch() * (double) recipe.train().evalInterval()).toArray();
        new CurvePlot("next-token cross-entropy", "iteration", "loss (nats per token)").x(iters)
                .series("train (mean over the interval)", series(history, "train_loss"))
                .series("validation", series(history, "val_loss"))
                .save(run.plots().resolve("loss.png"));
        md.image("loss per validation", "plots/loss.png");

        String prompt = promptFrom(corpus);
        md.section("Samples");
        md.paragraph("Prompt (from the validation text): `" + prompt.replace("`", "'").replace("\n", "\\n") + "`; 200 tokens, top-k 200, seed 1337.");
        List<List<String>> rows = new ArrayList<>();
        for (double t : TEMPERATURES) {
            Generation g = lm.generator().generate(prompt, lm.defaults().withTemperature(t), manager, text -> { });
            rows.add(List.of(String.format(Locale.ROOT, "%.1f", t), "<pre>" + escape(g.text()) + "</pre>"));
        }
        md.table(List.of("temperature", "continuation"), rows);

        md.section("Decoding speed");
        GenerationConfig speed = GenerationConfig.defaults().withMaxTokens(recipe.network().blockSize() - Math.min(prompt.length(), 8));
        Generation cached = lm.generator().generate(prompt.substring(0, Math.min(prompt.length(), 8)), speed, manager, text -> { });
        Generation uncached = lm.generator().generate(prompt.substring(0, Math.min(prompt.length(), 8)), speed.withCache(false),
                manager, text -> { });
        md.table(List.of("", "tokens/s"), List.of(
                List.of("KV cache", String.format(Locale.ROOT, "%.0f", cached.tokensPerSecond())),
                List.of("no cache (recompute the context)", String.format(Locale.ROOT, "%.0f", uncached.tokensPerSecond()))));
        md.save(run.report());
    }

    /** About 40 characters from the start of a line in the validation text. */
    private static String promptFrom(GptCorpus corpus) {
        String text = corpus.tokenizer().decode(java.util.Arrays.copyOf(corpus.validation(), Math.min(corpus.validation().length, 400)));
        int start = text.indexOf('\n') >= 0 && text.indexOf('\n') < 200 ? text.indexOf('\n') + 1 : 0;
        String rest = text.substring(start).stripLeading();
        return rest.isEmpty() ? "The " : rest.substring(0, Math.min(rest.length(), 40));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;").replace("\n", "<br>");
    }

    private static double[] series(List<EpochRecord> history, String key) {
        return history.stream().mapToDouble(r -> r.metrics().getOrDefault(key, Double.NaN)).toArray();
    }
}
