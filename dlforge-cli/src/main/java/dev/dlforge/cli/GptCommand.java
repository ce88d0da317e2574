package dev.dlforge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "gpt", mixinStandardHelpOptions = true,
        description = "GPT weights in and out: Hugging Face GPT-2 folders (config.json, model.safetensors, tokenizer) to and from gpt runs.",
        subcommands = {GptExportCommand.class, GptImportCommand.class})
final class GptCommand implements Runnable {
    @ParentCommand
    Dlforge root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.out);
    }
}
