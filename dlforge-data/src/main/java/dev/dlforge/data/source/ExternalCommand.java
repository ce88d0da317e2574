package dev.dlforge.data.source;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a registry client ({@code apt-get}, {@code npm}) with a time limit and captures what it printed. */
final class ExternalCommand {

    record Result(int exitCode, String output) {
        /** The last non-blank line of output, usually the client's error. */
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1].strip();
        }
    }

    private ExternalCommand() {}

    static Result run(List<String> command, Path workingDir, long timeoutSeconds) throws SourceUnavailableException {
        Path log = workingDir.resolve(".command-output");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new SourceUnavailableException(command.get(0) + " is not installed here");
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SourceUnavailableException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new SourceUnavailableException(command.get(0) + " output unreadable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException(command.get(0) + " was interrupted", e);
        }
    }
}
