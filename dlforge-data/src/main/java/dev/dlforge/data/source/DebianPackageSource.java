package dev.dlforge.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Files from a Debian package. If the package is installed, its files are copied from the system;
 * otherwise {@code apt-get download} fetches the {@code .deb} (no root needed) and only the wanted
 * files are unpacked from it. apt verifies the package against the signed archive index.
 *
 * @param packageName e.g. {@code dataset-fashion-mnist}
 * @param members path inside the package (e.g. {@code usr/share/datasets/...}) to file name
 */
public record DebianPackageSource(String packageName, Map<String, String> members) implements DataSource {

    @Override
    public String describe() {
        return "Debian package " + packageName;
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        if (copyInstalled(target)) {
            return;
        }
        PackageDownload.fetch("Debian package " + packageName, List.of("apt-get", "download", "-q", packageName), ".deb",
                ArchiveMembers::fromDeb, members, target,
                error -> error.contains("Unable to locate package") || error.contains("has no installation candidate")
                        ? " (the package index may be missing: run `sudo apt-get update`)" : "");
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
