package dev.dlforge.projects.vision;

import dev.dlforge.core.eval.ClassifierEvaluation;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.metrics.ConfusionMatrix;
import dev.dlforge.core.plot.ConfusionMatrixPlot;
import dev.dlforge.core.plot.CurvePlot;
import dev.dlforge.core.plot.ImageGrid;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.data.image.ImageClassData;
import dev.dlforge.projects.ProjectInfo;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The report of an image-classifier run: {@code report.md} with loss and accuracy curves, the test
 * confusion matrix, per-class scores, the most confident mistakes, and any plots the project adds.
 */
public final class ImageClassifierReport {
    private static final int MISTAKES_SHOWN = 40;

    private final RunDir run;
    private final ProjectInfo project;
    private final ImageClassifierRecipe recipe;
    private final ImageClassData data;
    private final List<EpochRecord> history;
    private final ClassifierEvaluation test;
    private final Map<String, Double> metrics;
    private final List<String[]> extraPlots = new ArrayList<>();
    private OutOfSourceTest.Result outOfSource;

    ImageClassifierReport(RunDir run, ProjectInfo project, ImageClassifierRecipe recipe, ImageClassData data,
            List<EpochRecord> history, ClassifierEvaluation test, Map<String, Double> metrics) {
        this.run = run;
        this.project = project;
        this.recipe = recipe;
        this.data = data;
        this.history = history;
        this.test = test;
        this.metrics = metrics;
    }

    public RunDir run() {
        return run;
    }

    /** Adds the section of the out-of-source test set. */
    void addOutOfSource(OutOfSourceTest.Result result) {
        this.outOfSource = result;
    }

    /** Registers a plot (already written under {@code plots/}) with a heading and a caption. */
    public void addPlot(String heading, String fileName, String caption) {
        extraPlots.add(new String[] {heading, fileName, caption});
    }

    void write() throws IOException {
        Files.createDirectories(run.plots());
        MarkdownReport md = new MarkdownReport(project.id() + ": " + project.title());
        md.paragraph(String.format(Locale.ROOT, "Run `%s`. Test accuracy **%.4f** on %,d held-out images; the goal: %s.",
                run.id(), test.accuracy(), test.size(), project.worksWhen()));
        if (outOfSource != null) {
            md.paragraph(String.format(Locale.ROOT, "Out-of-source test (%s): accuracy **%.4f** on %,d images.",
                    outOfSource.test().title(), outOfSource.evaluation().accuracy(), outOfSource.evaluation().size()));
        }
        md.table(List.of("", ""), List.of(
                List.of("dataset", data.datasetId() + " (" + data.splitNote() + ")"),
                List.of("model", recipe.model() + String.format(Locale.ROOT, ", %,d parameters", metrics.getOrDefault("parameters", 0.0).longValue())),
                List.of("epochs", String.format(Locale.ROOT, "%d run; the model is epoch %d's (%s)", history.size(),
                        metrics.getOrDefault("model_epoch", 0.0).intValue(),
                        recipe.train().patience() > 0 ? "best validation accuracy, early stopping on" : "the final epoch")),
                List.of("training time", String.format(Locale.ROOT, "%.0f s", metrics.getOrDefault("train_seconds", 0.0))),
                List.of("command", "`dlforge train " + project.id() + " --model " + recipe.model() + " --dataset " + recipe.dataset()
                        + " --epochs " + recipe.train().epochs() + " --batch-size " + recipe.train().batchSize() + " --lr " + recipe.train().learningRate()
                        + " --seed " + recipe.train().seed() + (recipe.limit() > 0 ? " --limit " + recipe.limit() : "") + "`")));

        md.section("Learning curves");
        curves();
        md.image("loss per epoch", "plots/loss.png").image("accuracy per epoch", "plots/accuracy.png");

        md.section("Test set");
        ConfusionMatrix cm = test.confusion(data.classes().size());
        ConfusionMatrixPlot.save(cm, data.classes(), "test confusion matrix", run.plots().resolve("confusion.png"));
        md.image("confusion matrix", "plots/confusion.png");
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < cm.classes(); c++) {
            rows.add(List.of(data.classes().get(c), fmt(cm.precision(c)), fmt(cm.recall(c)), fmt(cm.f1(c)), Long.toString(cm.support(c))));
        }
        md.table(List.of("class", "precision", "recall", "F1", "support"), rows);
        List<List<String>> confusions = cm.topConfusions(5).stream()
                .map(c -> List.of(data.classes().get(c.truth()), data.classes().get(c.predicted()), Long.toString(c.count()))).toList();
        if (!confusions.isEmpty()) {
            md.paragraph("Most frequent confusions:");
            md.table(List.of("true", "predicted as", "count"), confusions);
        }
        if (mistakes()) {
            md.section("Most confident mistakes");
            md.paragraph("Test images the model got wrong, most confident first: predicted class and probability, then the true class.");
            md.image("misclassified test images", "plots/misclassified.png");
        }
        if (outOfSource != null) {
            outOfSourceSection(md);
        }
        for (String[] plot : extraPlots) {
            md.section(plot[0]);
            md.paragraph(plot[2]);
            md.image(plot[0], "plots/" + plot[1]);
        }
        md.section("Recipe");
        md.paragraph("```json\n" + Json.write(recipe) + "\n```");
        md.save(run.report());
    }

    /** Accuracy, recall per class and confusion matrix of the out-of-source set, named for what it is. */
    private void outOfSourceSection(MarkdownReport md) throws IOException {
        OutOfSourceTest t = outOfSource.test();
        ClassifierEvaluation e = outOfSource.evaluation();
        md.section("Out-of-source test: " + t.title());
        md.paragraph(String.format(Locale.ROOT, "Accuracy **%.4f** on %,d images of dataset `%s` (%s), framed like a user's picture. "
                + "The model never trained on this source.", e.accuracy(), e.size(), t.dataset().spec().id(), t.dataset().spec().summary()));
        ConfusionMatrix cm = e.confusion(data.classes().size());
        String file = t.key() + "-confusion.png";
        ConfusionMatrixPlot.save(cm, data.classes(), t.title() + ": confusion matrix", run.plots().resolve(file));
        md.image(t.title() + " confusion matrix", "plots/" + file);
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < cm.classes(); c++) {
            rows.add(List.of(data.classes().get(c), fmt(cm.precision(c)), fmt(cm.recall(c)), Long.toString(cm.support(c))));
        }
        md.table(List.of("class", "precision", "recall", "support"), rows);
    }

    private void curves() throws IOException {
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        new CurvePlot("loss", "epoch", "cross-entropy").x(epochs)
                .series("train", series("train_loss")).series("validation", series("val_loss"))
                .save(run.plots().resolve("loss.png"));
        new CurvePlot("accuracy", "epoch", "accuracy").x(epochs)
                .series("train", series("train_accuracy")).series("validation", series("val_accuracy"))
                .save(run.plots().resolve("accuracy.png"));
    }

    private double[] series(String metric) {
        return history.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, Double.NaN)).toArray();
    }

    /** Draws the most confident wrong predictions; false when there are none. */
    private boolean mistakes() throws IOException {
        int[] wrong = IntStream.range(0, test.size()).filter(i -> test.truth()[i] != test.predicted()[i])
                .boxed().sorted(Comparator.comparingDouble(i -> -test.probabilities()[i][test.predicted()[i]]))
                .limit(MISTAKES_SHOWN).mapToInt(Integer::intValue).toArray();
        if (wrong.length == 0) {
            return false;
        }
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i : wrong) {
            String caption = String.format(Locale.ROOT, "%s %.2f%ntrue: %s", shortName(test.predicted()[i]),
                    test.probabilities()[i][test.predicted()[i]], shortName(test.truth()[i]));
            tiles.add(new ImageGrid.Tile(data.test().image(i), caption, Color.RED));
        }
        ImageGrid.save(tiles, 10, 3, "most confident mistakes (predicted, probability / true)", run.plots().resolve("misclassified.png"));
        return true;
    }

    private String shortName(int c) {
        String name = data.classes().get(c);
        return name.length() > 11 ? name.substring(0, 10) + "." : name;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
