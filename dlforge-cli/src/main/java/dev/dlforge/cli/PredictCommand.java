package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.serving.InvalidInputException;
import dev.dlforge.projects.serving.Predictor;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.projects.serving.output.Picture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Answers for files and texts through the project's {@link Predictor}, the one the API and the studio
 * serve, and prints each answer with {@link OutputText}. One bad input costs only its own answer.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict with a run's model: classes with probabilities, tags, a continuation or a cited answer for each input.",
                "Image projects take pictures (PNG, JPEG, GIF, BMP); text projects take text files (any encoding;"
                        + " spam reads any file as a mail, e.g. .eml) or --text; language models continue the text."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    Dlforge root;

    @Parameters(index = "0", paramLabel = ModelChoice.RUN_LABEL, description = ModelChoice.RUN_HELP)
    String run;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "files to predict for")
    List<Path> files = List.of();

    @Option(names = "--text", paramLabel = "TEXT", description = "a text to predict for (text projects; repeatable)")
    List<String> texts = List.of();

    @Mixin
    ModelChoice choice;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "how many classes to show (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--out", paramLabel = "DIR", description = "where pictures a model makes are written (default: next to each input)")
    Path out;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new DlforgeException("--top must be at least 1, got " + top, "leave it out for the top 3 classes");
        }
        RunDir dir = choice.resolve(new RunStore(DlforgeHome.current()), run, root.err);
        Serves project = Catalogue.standard().capable(dir.info().project(), Serves.class);
        if (files.isEmpty() && texts.isEmpty()) {
            throw new DlforgeException("nothing to predict", "pass files after the run, or --text \"...\" for a text project");
        }
        List<PredictInput> inputs = new ArrayList<>();
        for (String text : texts) {
            if (InvalidInputException.isBlank(text)) {
                throw InvalidInputException.empty("--text \"" + text + "\"");
            }
            inputs.add(PredictInput.ofText(text));
        }
        for (Path file : files) {
            if (Files.isRegularFile(file) && sizeOf(file) == 0) {
                throw InvalidInputException.empty("file " + file + " (0 bytes)");
            }
            inputs.add(PredictInput.ofFile(file));
        }
        try (Predictor<?, ?> predictor = project.predictor(dir.model())) {
            return answer(predictor, inputs) == 0 ? 0 : 1;
        }
    }

    /** Prints one answer per input, in order; returns how many inputs failed. */
    private <I, O extends Output> int answer(Predictor<I, O> predictor, List<PredictInput> inputs) {
        List<String> labels = predictor.card().labels();
        // --top is at most the number of classes; a predictor without classes has no use for it
        Map<String, String> options = labels.isEmpty() ? Map.of() : Map.of("top", String.valueOf(Math.min(top, labels.size())));
        int failed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            PredictInput input = inputs.get(i);
            try {
                I decoded = predictor.decode(input.payload(predictor.accepts(), options));
                O output = predictor.predict(List.of(decoded)).get(0);
                String extension = output instanceof Picture p ? p.extension() : "png";
                root.out.println(OutputText.render(input.shown(), output, input.pictureTarget(out, i + 1, extension)));
            } catch (DlforgeException e) {
                Dlforge.report(root.err, e);
                failed++;
            }
        }
        return failed;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // unreadable: reading it names the problem
        }
    }
}
