package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Subcommands contributed through {@link DlforgeSubcommand} join the tree in the documented order; a missing optional one says how to get it. */
class CommandRegistrationTest {

    @Test
    void contributedCommandsFollowTheListedOnesInHelpOrderThenHelp() {
        List<String> names = List.copyOf(Dlforge.commandLine(new Dlforge()).getSubcommands().keySet());
        // dlforge-bench (bench, 100) is not on this module's test class path
        assertThat(names).containsExactly("projects", "data", "train", "eval", "predict", "generate", "chat", "runs", "serve", "studio",
                "word2vec", "gpt", "llm", "rag", "quant", "help");
    }

    @Test
    void eachTreeHasItsOwnCommandObjects() {
        Object first = Dlforge.commandLine(new Dlforge()).getSubcommands().get("rag").getCommandSpec().userObject();
        Object second = Dlforge.commandLine(new Dlforge()).getSubcommands().get("rag").getCommandSpec().userObject();
        assertThat(first).isInstanceOf(RagCommand.class).isNotSameAs(second);
    }

    @Test
    void benchWithoutItsModuleSaysWhereItLives() {
        Cli cli = Cli.run("bench", "speed");
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: `dlforge bench` is not on this class path: it lives in the dlforge-bench module")
                .contains("hint: run ./dlforge from a source checkout");
    }
}
