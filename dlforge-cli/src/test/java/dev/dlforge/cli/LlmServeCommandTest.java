package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import org.junit.jupiter.api.Test;

/** {@code dlforge llm serve}: its sizes, and what it says when it cannot start. */
class LlmServeCommandTest {
    @Test
    void kvBudgetsAreBytesOrSizesWithAUnit() {
        assertThat(LlmServeCommand.bytes("512m")).isEqualTo(512L << 20);
        assertThat(LlmServeCommand.bytes("2G")).isEqualTo(2L << 30);
        assertThat(LlmServeCommand.bytes("1.5gb")).isEqualTo(3L << 29);
        assertThat(LlmServeCommand.bytes("4096")).isEqualTo(4096);
        assertThatThrownBy(() -> LlmServeCommand.bytes("lots")).isInstanceOf(DlforgeException.class).hasMessageContaining("not a size");
    }

    @Test
    void aMissingModelFileIsRefusedWithWhatToDo() {
        Cli missing = Cli.run("llm", "serve", "no-such-model.gguf", "--port", "0");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("no model file no-such-model.gguf");
        Cli help = Cli.run("llm", "--help");
        assertThat(help.out()).contains("serve");
    }
}
