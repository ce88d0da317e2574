package dev.dlforge.projects.text;

import dev.dlforge.core.io.Json;
import dev.dlforge.core.plot.BarPlot;
import dev.dlforge.core.plot.ConfusionMatrixPlot;
import dev.dlforge.core.plot.CurvePlot;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.ProjectInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The report of a text-classification run: the models side by side (accuracy, precision, recall,
 * F1, ROC AUC, and with thresholds the false-positive rate), why the served model was chosen, ROC
 * and precision-recall curves of all models on one chart each (each model's operating point marked
 * when it answers at a threshold), F1 per class when there are more than two, a confusion matrix per
 * model, the neural model's learning curves, and the served model's worst mistakes.
 */
final class TextClassificationReport {
    private static final int MISTAKES_SHOWN = 10;
    private static final int MANY_GROUPS = 20;
    private final RunDir run;
    private final ProjectInfo project;
    private final TextClassifierRecipe recipe;
    private final TextSplit split;
    private final List<ModelResult> results;
    private final ModelResult served;
    private final ModelSelection.Choice choice;
    private final int positiveClass;
    private final List<ExtraTestSet> extraSets;

    TextClassificationReport(RunDir run, ProjectInfo project, TextClassifierRecipe recipe, TextSplit split, List<ModelResult> results,
            ModelSelection.Choice choice, int positiveClass, List<ExtraTestSet> extraSets) {
        this.run = run;
        this.project = project;
        this.recipe = recipe;
        this.split = split;
        this.results = results;
        this.served = choice.served();
        this.choice = choice;
        this.positiveClass = positiveClass;
        this.extraSets = List.copyOf(extraSets);
    }

    void write() throws IOException {
        Files.createDirectories(run.plots());
        List<String> classes = split.test().classes();
        String about = positiveClass >= 0 ? "of the positive class **" + classes.get(positiveClass) + "**" : "macro-averaged over classes";
        MarkdownReport md = new MarkdownReport(project.id() + ": " + project.title());
        md.paragraph(String.format(Locale.ROOT, "Run `%s`. %d models trained on the same split and measured on the same %,d held-out "
                + "texts; the goal: %s. The served model (`model/`) is **%s** (test F1 %.4f): %s.%s Every model is kept in `models/<name>/`.",
                run.id(), results.size(), split.test().size(), project.worksWhen(), served.model().name(), served.test().f1(), choice.reason(),
                served.decision() == null ? "" : " It answers " + served.decision().rule() + "."));
        md.table(List.of("", ""), List.of(
                List.of("dataset", recipe.data().dataset() + String.format(Locale.ROOT, ": %,d train / %,d validation / %,d test texts",
                        split.train().size(), split.validation().size(), split.test().size())),
                List.of("split", split.note()),
                List.of("test set", heldOut(split.test())),
                List.of("command", "`dlforge train " + project.id() + " --dataset " + recipe.data().dataset()
                        + (TextClassifierRecipe.ALL.equals(recipe.model()) ? "" : " --model " + recipe.model())
                        + " --epochs " + recipe.train().epochs() + " --batch-size " + recipe.train().batchSize()
                        + " --lr " + recipe.train().learningRate() + " --seed " + recipe.seed()
                        + (recipe.data().limit() > 0 ? " --limit " + recipe.data().limit() : "") + "`")));

        md.section("Models side by side");
        boolean thresholds = results.stream().anyMatch(r -> r.decision() != null);
        md.paragraph("Precision, recall and F1 " + about + (thresholds ? ", each model answering at its own threshold (chosen on validation "
                + "for the false-positive rate stated; FPR: the share of the other class called positive)" : "")
                + "; ROC AUC and average precision from the predicted probabilities.");
        List<List<String>> rows = new ArrayList<>();
        for (ModelResult r : results) {
            var s = r.test();
            List<String> row = new ArrayList<>(List.of((r == served ? "**" + r.model().name() + "** (served)" : r.model().name()) + " — "
                    + r.model().summary(), fmt(s.accuracy()), fmt(s.precision()), fmt(s.recall()), fmt(s.f1())));
            if (thresholds) {
                row.addAll(List.of(fmt(s.falsePositiveRate()), r.decision() == null ? "-" : fmt(r.decision().threshold()),
                        r.decision() == null ? "-" : fmt(r.decision().validationRecall())));
            }
            row.addAll(List.of(fmt(s.auc()), fmt(s.averagePrecision()), fmt(r.validationF1()),
                    String.format(Locale.ROOT, "%.1f", r.metrics().getOrDefault("train_seconds", 0.0))));
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of("model", "accuracy", "precision", "recall", "F1"));
        if (thresholds) {
            columns.addAll(List.of("FPR", "threshold", "val recall at threshold"));
        }
        columns.addAll(List.of("ROC AUC", "avg precision", "val F1 (argmax)", "train s"));
        md.table(columns, rows);
        md.paragraph("Served model: " + choice.reason() + ".");

        CurvePlot roc = new CurvePlot("ROC on the test set", "false positive rate", "true positive rate");
        CurvePlot pr = new CurvePlot("precision-recall on the test set", "recall", "precision");
        for (ModelResult r : results) {
            roc.series(String.format(Locale.ROOT, "%s (AUC %.4f)", r.model().name(), r.test().auc()), r.test().roc().falsePositiveRate(),
                    r.test().roc().truePositiveRate());
            pr.series(String.format(Locale.ROOT, "%s (AP %.4f)", r.model().name(), r.test().averagePrecision()), r.test().pr().recall(),
                    r.test().pr().precision());
        }
        for (ModelResult r : results) { // after the curves, so that each marker is drawn on top
            if (r.decision() != null && !Double.isNaN(r.test().precision())) {
                pr.series(String.format(Locale.ROOT, "%s at threshold %.4f", r.model().name(), r.decision().threshold()),
                        new double[] {r.test().recall()}, new double[] {r.test().precision()});
            }
        }
        roc.save(run.plots().resolve("roc.png"));
        pr.save(run.plots().resolve("pr.png"));
        md.image("ROC curves", "plots/roc.png").image("precision-recall curves", "plots/pr.png");
        if (thresholds) {
            md.paragraph("The single points on the precision-recall chart are the operating points: each model's test precision and recall "
                    + "at its threshold.");
        }

        if (classes.size() > 2) {
            md.section("F1 per class");
            md.paragraph("Test F1 of each class (support: its test texts); macro F1 above is their mean, so rare classes count as much as common ones.");
            List<String> header = new ArrayList<>(List.of("class", "support"));
            results.forEach(r -> header.add(r.model().name()));
            List<List<String>> perClass = new ArrayList<>();
            for (int c = 0; c < classes.size(); c++) {
                List<String> row = new ArrayList<>(List.of(classes.get(c), String.valueOf(results.get(0).test().confusion().support(c))));
                for (ModelResult r : results) {
                    row.add(fmt(r.test().confusion().f1(c)));
                }
                perClass.add(row);
            }
            md.table(header, perClass);
        }
        for (ExtraTestSet set : extraSets) {
            extraSet(md, set);
        }

        md.section("Confusion matrices");
        for (ModelResult r : results) {
            String file = "confusion-" + r.model().name() + ".png";
            ConfusionMatrixPlot.save(r.test().confusion(), classes, r.model().name() + ": test confusion matrix", run.plots().resolve(file));
            md.image(r.model().name() + " confusion matrix", "plots/" + file);
        }

        for (ModelResult r : results) {
            if (!r.history().isEmpty()) {
                md.section("Learning curves: " + r.model().name());
                curves(r.model().name(), r.history());
                md.image("loss per epoch", "plots/loss-" + r.model().name() + ".png")
                        .image("accuracy per epoch", "plots/accuracy-" + r.model().name() + ".png");
                md.paragraph(String.format(Locale.ROOT, "%d epochs; the model kept is epoch %d's (lowest validation loss).",
                        r.history().size(), r.metrics().getOrDefault("model_epoch", 0.0).intValue()));
            }
        }

        md.section("Worst mistakes of " + served.model().name());
        md.paragraph("Test texts the served model got wrong, most confident first (the start of each text).");
        md.table(List.of("text", "true", "predicted", "probability", "excerpt"), mistakes(served));
        md.section("Recipe");
        md.paragraph("```json\n" + Json.write(recipe) + "\n```");
        md.save(run.report());
    }

    /** Every model on a fixed set next to its test-split figures, then accuracy per tag as a table and a grouped bar chart. */
    private void extraSet(MarkdownReport md, ExtraTestSet set) throws IOException {
        md.section("Models on " + set.title());
        md.paragraph(set.about());
        // A set of negatives only (modern ham) measures one thing: how many are called positive.
        boolean negativesOnly = positiveClass >= 0 && set.texts().classCounts()[positiveClass] == 0;
        List<List<String>> rows = new ArrayList<>();
        for (ModelResult r : results) {
            var s = set.scores(r.extraProbabilities().get(set.name()), positiveClass, r.decision());
            String name = r == served ? "**" + r.model().name() + "** (served)" : r.model().name();
            rows.add(negativesOnly
                    ? List.of(name, fmt(r.test().f1()), fmt(r.test().falsePositiveRate()), fmt(s.falsePositiveRate()),
                            String.format(Locale.ROOT, "%d of %d", Math.round(s.falsePositiveRate() * set.texts().size()), set.texts().size()))
                    : List.of(name, fmt(r.test().accuracy()), fmt(r.test().f1()), fmt(r.test().auc()), fmt(s.accuracy()), fmt(s.precision()),
                            fmt(s.recall()), fmt(s.f1()), fmt(s.auc()), fmt(s.falsePositiveRate())));
        }
        md.table(negativesOnly
                ? List.of("model", "test F1", "test FPR", set.name() + " FPR", "called " + set.texts().classes().get(positiveClass))
                : List.of("model", "test accuracy", "test F1", "test AUC", set.name() + " accuracy", set.name() + " precision",
                        set.name() + " recall", set.name() + " F1", set.name() + " AUC", set.name() + " FPR"), rows);

        int[] counts = set.tagCounts();
        List<String> header = new ArrayList<>(List.of("model"));
        for (int k = 0; k < counts.length; k++) {
            header.add(set.tagOrder().get(k) + " (" + counts[k] + ")");
        }
        BarPlot bars = new BarPlot("accuracy per tag on " + set.name(), "tag", "accuracy").categories(set.tagOrder());
        List<List<String>> tagRows = new ArrayList<>();
        for (ModelResult r : results) {
            double[] byTag = set.tagAccuracy(r.extraProbabilities().get(set.name()), r.decision());
            List<String> row = new ArrayList<>(List.of(r.model().name()));
            for (double a : byTag) {
                row.add(fmt(a));
            }
            tagRows.add(row);
            bars.series(r.model().name(), byTag);
        }
        md.paragraph("Accuracy on the texts carrying each tag (a text may carry several; counts in brackets).");
        md.table(header, tagRows);
        String file = set.name() + "-tags.png";
        bars.save(run.plots().resolve(file));
        md.image("accuracy per tag", "plots/" + file);
    }

    /** Texts per group, or with many groups (documents) texts and groups per class. */
    private static String heldOut(LabeledTexts test) {
        List<String> parts = new ArrayList<>();
        Map<String, List<Integer>> groups = test.byGroup();
        if (groups.size() <= MANY_GROUPS) {
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                parts.add(g.getKey() + " " + g.getValue().size());
            }
            return String.join(", ", parts);
        }
        int[] texts = test.classCounts();
        int[] groupsOfClass = new int[texts.length];
        groups.values().forEach(members -> groupsOfClass[test.labels()[members.get(0)]]++);
        for (int c = 0; c < texts.length; c++) {
            parts.add(String.format(Locale.ROOT, "%s %d (%d group%s)", test.classes().get(c), texts[c], groupsOfClass[c], groupsOfClass[c] == 1 ? "" : "s"));
        }
        return String.join(", ", parts);
    }

    private void curves(String name, List<EpochRecord> history) throws IOException {
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        new CurvePlot(name + " loss", "epoch", "cross-entropy").x(epochs)
                .series("train", series(history, "train_loss")).series("validation", series(history, "val_loss"))
                .save(run.plots().resolve("loss-" + name + ".png"));
        new CurvePlot(name + " accuracy", "epoch", "accuracy").x(epochs)
                .series("train", series(history, "train_accuracy")).series("validation", series(history, "val_accuracy"))
                .save(run.plots().resolve("accuracy-" + name + ".png"));
    }

    private static double[] series(List<EpochRecord> history, String metric) {
        return history.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, Double.NaN)).toArray();
    }

    private List<List<String>> mistakes(ModelResult r) {
        LabeledTexts test = split.test();
        float[][] p = r.testProbabilities();
        int[] answers = DecisionThreshold.decide(r.decision(), p, test.classes());
        List<List<String>> rows = new ArrayList<>();
        IntStream.range(0, test.size()).filter(i -> answers[i] != test.labels()[i]).boxed()
                .sorted(Comparator.comparingDouble(i -> -p[i][answers[i]])).limit(MISTAKES_SHOWN)
                .forEach(i -> {
                    int predicted = answers[i];
                    rows.add(List.of("`" + test.ids().get(i) + "`", test.classes().get(test.labels()[i]), test.classes().get(predicted),
                            fmt(p[i][predicted]), excerpt(test.texts().get(i))));
                });
        if (rows.isEmpty()) {
            rows.add(List.of("none", "", "", "", ""));
        }
        return rows;
    }

    /** The first 160 characters on one line, safe inside a Markdown table. */
    private static String excerpt(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        one = one.length() > 160 ? one.substring(0, 159) + "\u2026" : one;
        return one.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_");
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
