package dev.dlforge.cli;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.models.lm.Generation;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.TextGenerator;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunStore;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Continue a prompt with a run's language model (gpt, poetry), streaming the text as it is written.",
                "The prompt and its continuation go to stdout; a line of statistics (tokens, tokens/s, why it stopped) to stderr.",
                "Sampling options left out take the values the run's project recommends."})
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    Dlforge root;

    @Parameters(index = "0", paramLabel = ModelChoice.RUN_LABEL, description = ModelChoice.RUN_HELP)
    String run;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "the text to continue, fed as is; - reads it from stdin; default: stdin")
    String prompt;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "write N continuations, with seeds seed, seed+1, ... (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--no-echo", description = "print only the continuation, not the prompt before it")
    boolean noEcho;

    @Mixin
    ModelChoice choice;

    @Mixin
    SamplingOptions sampling;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new DlforgeException("--samples must be at least 1, got " + samples, "leave it out for one continuation");
        }
        GenerativeRun source = GenerativeRun.of(choice.resolve(new RunStore(DlforgeHome.current()), run, root.err));
        String text = prompt == null || prompt.equals("-") ? readPrompt() : prompt;
        if (text.isEmpty()) {
            throw new DlforgeException("the prompt is empty", "pass --prompt \"...\" or pipe some text in (a newline will do)");
        }
        try (NDManager manager = Engines.newManager()) {
            LoadedLanguageModel model = source.load(manager);
            GenerationConfig config = sampling.apply(model.defaults());
            TextGenerator generator = model.generator();
            for (int i = 0; i < samples; i++) {
                GenerationConfig sample = config.withSeed(config.seed() + i);
                if (samples > 1) {
                    root.out.println((i == 0 ? "" : "\n") + "--- sample " + (i + 1) + " of " + samples + ", seed " + sample.seed() + " ---");
                }
                if (!noEcho) {
                    root.out.print(text);
                }
                root.out.flush();
                Generation g = generate(generator, text, sample, manager, root.out);
                root.out.println();
                root.out.flush();
                root.err.println(stats(g, sample));
            }
        }
        return 0;
    }

    /** Streams the continuation to {@code out}, flushed chunk by chunk so the user sees each token come. */
    static Generation generate(TextGenerator generator, String prompt, GenerationConfig config, NDManager manager, PrintStream out) {
        try {
            return generator.generate(prompt, config, manager, chunk -> {
                out.print(chunk);
                out.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new DlforgeException(e.getMessage(), "write a prompt in characters the model was trained on");
        }
    }

    /** E.g. {@code 200 tokens in 0.41 s, 512.3 tokens/s, finish: length, cache: on, seed 1337}. */
    static String stats(Generation g, GenerationConfig config) {
        return String.format(Locale.ROOT, "[%d prompt tokens, %d generated in %.2f s, %.1f tokens/s, finish: %s, cache: %s, seed %d]",
                g.promptTokens(), g.generatedTokens(), g.seconds(), g.tokensPerSecond(), g.finishReason(), config.useCache() ? "on" : "off",
                config.seed());
    }

    private String readPrompt() {
        if (root.in == System.in && System.console() != null) {
            root.err.println("reading the prompt from stdin; end it with Ctrl-D (or pass --prompt \"...\")");
        }
        try {
            return new String(root.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt from stdin", e);
        }
    }
}
