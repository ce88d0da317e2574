package dev.dlforge.data.source;

import dev.dlforge.core.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .tar.gz} from its canonical URL, checked against its published SHA-256 like
 * {@link UrlSource}, of which only the wanted members are unpacked (a key ending in {@code /} takes a
 * whole folder). The archive itself is deleted afterwards.
 *
 * @param label where it comes from, e.g. {@code Stanford AI Lab}
 * @param archive the archive's URL, a scratch name and its SHA-256
 * @param members member path (or folder) inside the archive to file (or folder) name in the dataset
 */
public record UrlArchiveSource(String label, UrlSource.Download archive, Map<String, String> members) implements DataSource {

    @Override
    public String describe() {
        return "download and unpack from " + label + " (" + java.net.URI.create(archive.url()).getHost() + ")";
    }

    @Override
    public void fetchInto(Path target) throws SourceUnavailableException, IOException {
        Path work = Files.createTempDirectory(target.getParent(), ".download-");
        try {
            Path file = work.resolve(archive.fileName());
            UrlSource.download(archive, file);
            Set<String> missing = ArchiveMembers.fromTgz(file, members, target);
            if (!missing.isEmpty()) {
                throw new SourceUnavailableException(archive.url() + " does not contain " + String.join(", ", missing));
            }
        } finally {
            FileTrees.delete(work);
        }
    }
}
