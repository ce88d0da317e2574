package dev.dlforge.projects.poetry;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.plot.CurvePlot;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of a poetry run: test perplexity, perplexity and loss curves, and samples at several temperatures. */
final class PoetryReport {
    private PoetryReport() {}

    static void write(RunDir run, PoetryRecipe recipe, PoetryCorpus corpus, int vocabSize, List<EpochRecord> history,
            Map<String, Double> metrics, List<Poet.Continuation> samples, List<Double> temperatures) throws IOException {
        Files.createDirectories(run.plots());
        String unit = recipe.wordLevel() ? "word" : "character";
        MarkdownReport md = new MarkdownReport("poetry: " + unit + "-level " + recipe.cell() + " language model on " + recipe.dataset());
        md.paragraph(String.format(Locale.ROOT, "Run `%s`. Test perplexity **%.3f** per %s (cross-entropy %.4f nats, %.4f bits) on %,.0f "
                + "held-out tokens; next-%s accuracy %.3f.", run.id(), metrics.get("test_perplexity"), unit, metrics.get("test_loss"),
                metrics.get("test_loss") / Math.log(2), metrics.get("test_tokens"), unit, metrics.get("test_accuracy")));
        md.table(List.of("", ""), List.of(
                List.of("dataset", String.format(Locale.ROOT, "%s: %,d / %,d / %,d characters (train / validation / test; the first 90%%, "
                        + "next 5%%, last 5%% of the text)", corpus.datasetId(), corpus.train().length(), corpus.validation().length(),
                        corpus.test().length())),
                List.of("tokens", recipe.wordLevel() ? String.format(Locale.ROOT, "lower-cased words, punctuation and line breaks; %,d ids "
                        + "(words seen fewer than %d times are <unk>)", vocabSize, recipe.words().minWordCount())
                        : String.format(Locale.ROOT, "characters; %,d ids", vocabSize)),
                List.of("model", String.format(Locale.ROOT, "embedding %d -> %d x %s %d -> linear, dropout %.2f; %,d parameters",
                        recipe.network().embedDim(), recipe.network().layers(), recipe.cell(), recipe.network().hidden(), recipe.network().dropout(),
                        metrics.getOrDefault("parameters", 0.0).longValue())),
                List.of("training", String.format(Locale.ROOT, "truncated BPTT over shuffled non-overlapping windows of %d tokens "
                        + "(a random offset per epoch), state reset per window; batch %d, Adam lr %s %s, clip %.1f",
                        recipe.train().window(), recipe.train().batchSize(), recipe.train().learningRate(), recipe.train().schedule(),
                        recipe.train().clipNorm())),
                List.of("epochs", String.format(Locale.ROOT, "%d run; the model is epoch %d's (lowest validation perplexity)",
                        history.size(), metrics.getOrDefault("model_epoch", 0.0).intValue())),
                List.of("training time", String.format(Locale.ROOT, "%.0f s", metrics.getOrDefault("train_seconds", 0.0))),
                List.of("command", "`dlforge train poetry --dataset " + recipe.dataset() + " --model " + recipe.model() + " --epochs "
                        + recipe.train().epochs() + " --batch-size " + recipe.train().batchSize() + " --lr " + recipe.train().learningRate() + " --seed "
                        + recipe.train().seed() + (recipe.limit() > 0 ? " --limit " + recipe.limit() : "") + "`")));

        md.section("Learning curves");
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        new CurvePlot("perplexity", "epoch", "perplexity = exp(cross-entropy)").x(epochs)
                .series("train", series(history, "train_perplexity")).series("validation", series(history, "val_perplexity"))
                .save(run.plots().resolve("perplexity.png"));
        new CurvePlot("loss", "epoch", "cross-entropy per token (nats)").x(epochs)
                .series("train", series(history, "train_loss")).series("validation", series(history, "val_loss"))
                .save(run.plots().resolve("loss.png"));
        md.image("perplexity per epoch", "plots/perplexity.png").image("loss per epoch", "plots/loss.png");
        List<List<String>> rows = new ArrayList<>();
        for (EpochRecord r : history) {
            rows.add(List.of(Integer.toString(r.epoch()), fmt(r.metrics().get("train_perplexity")), fmt(r.metrics().get("val_perplexity")),
                    String.format(Locale.ROOT, "%.0f", r.seconds())));
        }
        md.table(List.of("epoch", "train perplexity", "validation perplexity", "seconds"), rows);

        md.section("Samples");
        md.paragraph(String.format(Locale.ROOT, "%d tokens after the prompt `%s`, the same seed at each temperature "
                + "(0.5 keeps to the likeliest %ss, 1.0 samples the model's own distribution, 1.2 flattens it).",
                samples.isEmpty() ? 0 : samples.get(0).tokens(), samples.isEmpty() ? "" : samples.get(0).prompt(), unit));
        for (int i = 0; i < samples.size(); i++) {
            Poet.Continuation c = samples.get(i);
            md.paragraph(String.format(Locale.ROOT, "**temperature %.1f** (mean log-probability of the written tokens %.3f):",
                    temperatures.get(i), c.meanLogProbability()));
            md.paragraph("```text\n" + (c.prompt() + c.text()).replace("```", "'''") + "\n```");
        }
        md.section("Recipe");
        md.paragraph("```json\n" + Json.write(recipe) + "\n```");
        md.save(run.report());
    }

    private static double[] series(List<EpochRecord> history, String metric) {
        return history.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, Double.NaN)).toArray();
    }

    private static String fmt(Double v) {
        return v == null || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
