package dev.dlforge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code dlforge data}, {@code rag}, ...): run alone, it prints its usage. */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    Dlforge root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.out);
    }
}
