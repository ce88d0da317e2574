package dev.dlforge.cli;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.models.lm.ChatTemplate;
import dev.dlforge.models.lm.Generation;
import dev.dlforge.models.lm.GenerationConfig;
import dev.dlforge.models.lm.TextGenerator;
import dev.dlforge.projects.lm.LoadedLanguageModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunStore;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Chat with a run's language model: each line on stdin is a message, the reply streams to stdout.",
                "The history is rendered as a \"User: ... / Assistant: ...\" transcript the model continues, its oldest turns"
                        + " dropped to fit the model's context; the reply ends where the model starts the user's next turn.",
                "/reset clears the history; /exit or end of input (Ctrl-D) ends. Statistics of each reply go to stderr.",
                "Turn n samples with seed + n, so a chat replays the same with the same seed."})
final class ChatCommand implements Callable<Integer> {
    @ParentCommand
    Dlforge root;

    @Parameters(index = "0", paramLabel = ModelChoice.RUN_LABEL, description = ModelChoice.RUN_HELP)
    String run;

    @Mixin
    ModelChoice choice;

    @Mixin
    SamplingOptions sampling;

    @Override
    public Integer call() {
        GenerativeRun source = GenerativeRun.of(choice.resolve(new RunStore(DlforgeHome.current()), run, root.err));
        try (NDManager manager = Engines.newManager()) {
            LoadedLanguageModel model = source.load(manager);
            GenerationConfig config = sampling.apply(model.defaults());
            TextGenerator generator = model.generator();
            // The prompt may take what the reply leaves of the context (recurrent models: no limit).
            // The transcript keeps at least half the context, however long the replies asked for (a 64-token gpt
            // with 200-token replies would otherwise keep no history at all); the reply slides the window as it grows.
            int context = model.model().contextLength();
            int budget = (int) Math.max(context / 2, (long) context - Math.min(config.maxTokens(), context / 2));
            boolean interactive = root.in == System.in && System.console() != null;
            root.err.println("chat with " + model.name() + ": type a message and press Enter; /reset clears the history, /exit or Ctrl-D ends");
            BufferedReader lines = new BufferedReader(new InputStreamReader(root.in, StandardCharsets.UTF_8));
            ChatTemplate chat = ChatTemplate.plain();
            int turn = 0;
            while (true) {
                if (interactive) {
                    root.out.print(chat.user() + ": ");
                    root.out.flush();
                }
                String line = readLine(lines);
                if (line == null) {
                    break;
                }
                String message = line.strip();
                if (message.isEmpty()) {
                    continue;
                }
                if (message.equals("/exit")) {
                    break;
                }
                if (message.equals("/reset")) {
                    chat = ChatTemplate.plain();
                    root.err.println("[history cleared]");
                    continue;
                }
                if (message.startsWith("/")) {
                    root.err.println("unknown command " + message + ": /reset clears the history, /exit ends (your message was not sent)");
                    continue;
                }
                ChatTemplate asked = chat.withUser(message);
                List<String> stop = new ArrayList<>(config.stop());
                stop.addAll(asked.stop());
                GenerationConfig reply = config.withSeed(config.seed() + turn++).withStop(stop);
                root.out.print(asked.assistant() + ":");
                Generation g = GenerateCommand.generate(generator, asked.fitTo(model.tokenizer(), budget).prompt(), reply, manager, root.out);
                root.out.println();
                root.out.flush();
                root.err.println(GenerateCommand.stats(g, reply));
                chat = asked.withAssistant(g.text());
            }
        }
        return 0;
    }

    private static String readLine(BufferedReader lines) {
        try {
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
    }
}
