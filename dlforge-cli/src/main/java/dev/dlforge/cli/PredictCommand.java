package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.TrainableProject;
import dev.dlforge.projects.serving.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict with a run's model: the top classes with probabilities for each input.",
                "Image projects take pictures (PNG, JPEG, GIF, BMP); text projects take text files (any encoding;"
                        + " spam also .eml mail) or --text."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    Dlforge root;

    @Parameters(index = "0", paramLabel = ModelChoice.RUN_LABEL, description = ModelChoice.RUN_HELP)
    String run;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "files to classify")
    List<Path> files = List.of();

    @Option(names = "--text", paramLabel = "TEXT", description = "a text to classify (text projects; repeatable)")
    List<String> texts = List.of();

    @Mixin
    ModelChoice choice;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "how many classes to show (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new DlforgeException("--top must be at least 1, got " + top, "leave it out for the top 3 classes");
        }
        RunDir dir = choice.resolve(new RunStore(DlforgeHome.current()), run, root.err);
        TrainableProject project = Catalogue.standard().trainable(dir.info().project());
        if (files.isEmpty() && texts.isEmpty()) {
            throw new DlforgeException("nothing to predict", "pass files after the run, or --text \"...\" for a text project");
        }
        for (String text : texts) {
            if (InvalidInputException.isBlank(text)) {
                throw InvalidInputException.empty("--text \"" + text + "\"");
            }
        }
        for (Path file : files) {
            if (Files.isRegularFile(file) && sizeOf(file) == 0) {
                throw InvalidInputException.empty("file " + file + " (0 bytes)");
            }
        }
        List<TrainableProject.Prediction> predictions = new ArrayList<>();
        if (!texts.isEmpty()) {
            predictions.addAll(project.predictTexts(dir, texts, top));
        }
        if (!files.isEmpty()) {
            predictions.addAll(project.predict(dir, files, top));
        }
        int failed = 0;
        for (TrainableProject.Prediction p : predictions) {
            if (p.failure() != null) {
                Dlforge.report(root.err, p.failure());
                failed++;
                continue;
            }
            StringBuilder line = new StringBuilder(p.input()).append(':');
            for (TrainableProject.Score s : p.top()) {
                line.append(String.format(Locale.ROOT, "  %s %.3f", s.label(), s.probability()));
            }
            if (p.decision() != null) { // a threshold, not the most probable class, decides (spam)
                line.append("  => ").append(p.decision().label()).append("; rule: ").append(p.decision().rule());
            }
            root.out.println(line);
        }
        return failed == 0 ? 0 : 1;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // unreadable: the project's reader names the problem
        }
    }
}
