package dev.dlforge.cli;

import picocli.CommandLine.Command;

@Command(name = "llm", mixinStandardHelpOptions = true,
        description = "Language models in GGUF files, run by dlforge's own pure-Java engine.",
        subcommands = {LlmServeCommand.class})
public final class LlmCommand extends CommandGroup implements DlforgeSubcommand {
    @Override
    public int helpOrder() {
        return 350;
    }
}
