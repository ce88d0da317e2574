package dev.dlforge.data.source;

import dev.dlforge.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files from a Debian package. If the package is installed, its files are copied from the system;
 * otherwise {@code apt-get download} fetches the {@code .deb} (no root needed) and only the wanted
 * files are unpacked from it. apt verifies the package against the signed archive index.
 *
 * @param packageName e.g. {@code dataset-fashion-mnist}
 * @param members path inside the package (e.g. {@code usr/share/datasets/...}) to file name
 */
public record DebianPackageSource(String packageName, Map<String, String> members) implements DataSource {
    private static final long TIMEOUT_SECONDS = 1800;

    @Override
    public String describe() {
        return "Debian package " + packageName;
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        if (copyInstalled(target)) {
            return;
        }
        Path work = Files.createTempDirectory(target.getParent(), ".apt-");
        try {
            System.err.println("downloading Debian package " + packageName + " with apt-get...");
            var result = ExternalCommand.run(List.of("apt-get", "download", "-q", packageName), work, TIMEOUT_SECONDS);
            if (result.exitCode() != 0) {
                String why = result.lastLine();
                String hint = why.contains("Unable to locate package") || why.contains("has no installation candidate")
                        ? " (the package index may be missing: run `sudo apt-get update`)" : "";
                throw new SourceUnavailableException("apt-get download failed: " + why + hint);
            }
            Path deb;
            try (var files = Files.list(work)) {
                deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new SourceUnavailableException("apt-get reported success but left no .deb"));
            }
            Set<String> missing = ArchiveMembers.fromDeb(deb, members, target);
            if (!missing.isEmpty()) {
                throw new SourceUnavailableException(packageName + " does not contain " + String.join(", ", missing));
            }
        } finally {
            FileTrees.delete(work);
        }
    }

    /** Copies the files from an installed package; false when any is absent. */
    private boolean copyInstalled(Path target) throws IOException {
        for (String member : members.keySet()) {
            if (!Files.isRegularFile(Path.of("/", member))) {
                return false;
            }
        }
        for (var e : members.entrySet()) {
            Files.copy(Path.of("/", e.getKey()), target.resolve(e.getValue()), StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }
}
