package dev.dlforge.cli;

import picocli.CommandLine.Command;

@Command(name = "gpt", mixinStandardHelpOptions = true,
        description = "GPT weights in and out: Hugging Face GPT-2 folders (config.json, model.safetensors, tokenizer) to and from gpt runs.",
        subcommands = {GptExportCommand.class, GptImportCommand.class})
public final class GptCommand extends CommandGroup implements DlforgeSubcommand {
    @Override
    public int helpOrder() {
        return 300;
    }
}
