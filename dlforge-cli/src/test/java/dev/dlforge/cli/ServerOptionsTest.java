package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.serve.api.ServeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The server options as `serve` and `studio` parse them: addresses, where the key comes from, client limits. */
class ServerOptionsTest {
    @TempDir
    Path dir;

    @Command(name = "test")
    static final class Holder {
        @Mixin
        ServerOptions server;
    }

    private static ServeConfig parse(PrintStream console, String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.server.config(console);
    }

    private static ServeConfig parse(String... args) {
        return parse(new PrintStream(new ByteArrayOutputStream()), args);
    }

    @Test
    void anEmptyHostIsRefusedAndIpv6InBracketsGivesAWorkingUrl() {
        assertThatThrownBy(() -> parse("--host", "")).isInstanceOf(DlforgeException.class).hasMessageContaining("--host is empty");
        assertThatThrownBy(() -> parse("--host", "  ")).isInstanceOf(DlforgeException.class);
        ServeConfig v6 = parse("--host", "[::1]");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.url(8080)).isEqualTo("http://[::1]:8080");
        assertThat(parse("--host", "::1").url(80)).isEqualTo("http://[::1]:80");
        assertThat(parse().url(8080)).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void theKeyComesFromAFileAndOnTheCommandLineItIsWarnedAbout() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, "from-the-file\nsecond line ignored\n");
        assertThat(parse("--api-key-file", file.toString()).apiKey()).isEqualTo("from-the-file");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertThat(parse(new PrintStream(console, true, StandardCharsets.UTF_8), "--api-key", "typed").apiKey()).isEqualTo("typed");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("visible to every user", "--api-key-file", "DLFORGE_API_KEY");

        Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> parse("--api-key-file", dir.resolve("empty").toString())).hasMessageContaining("is empty");
        assertThatThrownBy(() -> parse("--api-key-file", dir.resolve("nope").toString())).hasMessageContaining("cannot read the key file");
        assertThatThrownBy(() -> parse("--api-key", "a", "--api-key-file", file.toString())).hasMessageContaining("both");
    }

    @Test
    void clientLimitsAndAllowedHostsReachTheServerConfig() {
        ServeConfig config = parse("--allow-host", "studio.example,proxy.example", "--connections-per-client", "1000", "--idle-timeout-ms", "2500");
        assertThat(config.security().allowedHosts()).containsExactly("studio.example", "proxy.example");
        assertThat(config.security().connectionsPerClient()).isEqualTo(1000);
        assertThat(config.security().maxThreads()).isGreaterThan(1000);
        assertThat(config.security().idleTimeoutMs()).isEqualTo(2500);
        assertThatThrownBy(() -> parse("--connections-per-client", "0")).isInstanceOf(DlforgeException.class);
    }
}
