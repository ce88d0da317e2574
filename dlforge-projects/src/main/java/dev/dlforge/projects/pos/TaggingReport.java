package dev.dlforge.projects.pos;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.metrics.ConfusionMatrix;
import dev.dlforge.core.plot.BarPlot;
import dev.dlforge.core.plot.ConfusionMatrixPlot;
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

/**
 * The report of a tagging run: token accuracy, per-tag table and accuracy plot, the confusion matrix
 * over tags, learning curves, and for entities conlleval's per-type scores.
 */
final class TaggingReport {
    private TaggingReport() {}

    static void write(RunDir run, PosRecipe recipe, TaggingData data, List<EpochRecord> history, TaggingEvaluation test,
            Map<String, Double> metrics) throws IOException {
        Files.createDirectories(run.plots());
        MarkdownReport md = new MarkdownReport("pos: " + (data.entities() ? "named-entity tagger" : "part-of-speech tagger") + " (BiLSTM-CRF)");
        md.paragraph(String.format(Locale.ROOT, "Run `%s`. Test token accuracy **%.4f** on %,d held-out tokens (%,d sentences)%s.",
                run.id(), test.accuracy(), test.tokens(), test.sentences(),
                test.entities() != null ? String.format(Locale.ROOT, "; entity F1 **%.4f** (exact spans, conlleval)", test.entities().f1()) : ""));
        md.table(List.of("", ""), List.of(
                List.of("dataset", data.datasetId() + " (" + data.splitNote() + ")"),
                List.of("model", String.format(Locale.ROOT, "BiLSTM-CRF, %,d parameters", metrics.getOrDefault("parameters", 0.0).longValue())),
                List.of("epochs", String.format(Locale.ROOT, "%d run; the model is epoch %d's (best validation accuracy)", history.size(),
                        metrics.getOrDefault("model_epoch", 0.0).intValue())),
                List.of("training time", String.format(Locale.ROOT, "%.0f s", metrics.getOrDefault("train_seconds", 0.0))),
                List.of("probabilities", "CRF marginals p(tag at t | sentence), by forward-backward"),
                List.of("command", "`dlforge train pos --dataset " + recipe.dataset() + " --epochs " + recipe.train().epochs() + " --batch-size "
                        + recipe.train().batchSize() + " --lr " + recipe.train().learningRate() + " --seed " + recipe.train().seed()
                        + (recipe.limit() > 0 ? " --limit " + recipe.limit() : "") + "`")));

        md.section("Learning curves");
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        new CurvePlot("loss", "epoch", "CRF negative log-likelihood per token").x(epochs)
                .series("train", series(history, "train_loss")).series("validation", series(history, "val_loss"))
                .save(run.plots().resolve("loss.png"));
        new CurvePlot("token accuracy", "epoch", "accuracy").x(epochs)
                .series("train", series(history, "train_accuracy")).series("validation", series(history, "val_accuracy"))
                .save(run.plots().resolve("accuracy.png"));
        md.image("loss per epoch", "plots/loss.png").image("accuracy per epoch", "plots/accuracy.png");

        if (test.entities() != null) {
            md.section("Entities (exact span match)");
            List<List<String>> rows = new ArrayList<>();
            for (String type : test.entities().types()) {
                rows.add(List.of(type, fmt(test.entities().precision(type)), fmt(test.entities().recall(type)),
                        fmt(test.entities().f1(type)), Long.toString(test.entities().support(type))));
            }
            rows.add(List.of("**all**", fmt(test.entities().precision()), fmt(test.entities().recall()), fmt(test.entities().f1()), ""));
            md.table(List.of("type", "precision", "recall", "F1", "entities"), rows);
        }

        md.section("Per tag");
        ConfusionMatrix cm = test.confusion();
        double[] accuracy = new double[cm.classes()];
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < cm.classes(); c++) {
            accuracy[c] = cm.recall(c);
            rows.add(List.of("`" + test.tags().get(c) + "`", fmt(cm.recall(c)), fmt(cm.precision(c)), fmt(cm.f1(c)), Long.toString(cm.support(c))));
        }
        md.table(List.of("tag", "accuracy (recall)", "precision", "F1", "tokens"), rows);
        new BarPlot("test accuracy per tag", "tag", "share of the tag's tokens tagged right").categories(test.tags())
                .series("accuracy", accuracy).save(run.plots().resolve("per_tag_accuracy.png"));
        md.image("accuracy per tag", "plots/per_tag_accuracy.png");
        ConfusionMatrixPlot.save(cm, test.tags(), "test confusion matrix over tags", run.plots().resolve("confusion.png"));
        md.image("confusion matrix", "plots/confusion.png");
        List<List<String>> confusions = cm.topConfusions(8).stream()
                .map(c -> List.of(test.tags().get(c.truth()), test.tags().get(c.predicted()), Long.toString(c.count()))).toList();
        if (!confusions.isEmpty()) {
            md.paragraph("Most frequent confusions:");
            md.table(List.of("true", "predicted as", "count"), confusions);
        }
        md.section("Recipe");
        md.paragraph("```json\n" + Json.write(recipe) + "\n```");
        md.save(run.report());
    }

    private static double[] series(List<EpochRecord> history, String metric) {
        return history.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, Double.NaN)).toArray();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
