package dev.dlforge.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a dataset's files in a folder, accepting gzip-compressed and plain variants alike. */
public final class DatasetFiles {
    private DatasetFiles() {}

    /** {@code name} in {@code dir}; for {@code x.gz} also plain {@code x}, and for {@code x} also {@code x.gz}. */
    public static Optional<Path> locate(Path dir, String name) {
        for (String candidate : name.endsWith(".gz")
                ? List.of(name, name.substring(0, name.length() - 3))
                : List.of(name, name + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The named files that {@code dir} lacks. */
    public static List<String> missing(Path dir, List<String> names) {
        return names.stream().filter(n -> locate(dir, n).isEmpty()).toList();
    }
}
