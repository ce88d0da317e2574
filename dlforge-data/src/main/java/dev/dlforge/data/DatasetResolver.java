package dev.dlforge.data;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.io.Json;
import dev.dlforge.data.source.DataSource;
import dev.dlforge.data.source.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a dataset's folder: an explicit {@code --data} path, else the cache
 * ({@code $DLFORGE_HOME/datasets/<id>}), else the first of the dataset's sources that delivers.
 *
 * <p>A fetch fills a temporary folder, records a manifest (source, sizes, SHA-256 of each file) and
 * then renames the folder into the cache in one step: the cache holds complete datasets or nothing.
 * When every source fails, the error lists each one with its reason and what the user can do. Every
 * load from the cache checks the files against the manifest ({@link DatasetChecksums}) and refuses a
 * damaged one, naming it and how to fetch it again.
 */
public final class DatasetResolver {
    static final String MANIFEST = ".dlforge-dataset.json";
    private final Path cacheRoot;

    /** What the cache records of a fetched dataset. */
    public record Manifest(String id, String source, String fetched, Map<String, FileEntry> files) {}

    /**
     * Size and SHA-256 of one cached file, and its mtime and ctime (nanoseconds) when it was last
     * hashed and matched; the times are null until then and in manifests of older versions.
     */
    public record FileEntry(long bytes, String sha256, Long modified, Long changed) {
        public FileEntry(long bytes, String sha256) {
            this(bytes, sha256, null, null);
        }
    }

    public DatasetResolver(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The folder holding one folder per cached dataset. */
    public Path cacheRoot() {
        return cacheRoot;
    }

    public Path cacheDir(DatasetSpec spec) {
        return cacheRoot.resolve(spec.id());
    }

    /**
     * The folder holding the dataset's files, fetching them if needed; a cached file that does not
     * match its manifest is refused with a {@link DlforgeException} saying how to fetch it again.
     */
    public Path resolve(DatasetSpec spec, Path explicit) {
        if (explicit != null) {
            return checkExplicit(spec, explicit);
        }
        Path dir = cached(spec).orElseGet(() -> fetch(spec));
        DatasetChecksums.Result result = verify(spec, false);
        if (!result.ok()) {
            DatasetChecksums.FileCheck bad = result.mismatches().get(0);
            int others = result.mismatches().size() - 1;
            throw new DlforgeException("dataset " + spec.id() + ": cached file " + bad.path() + " is damaged: " + bad.problem()
                    + (others > 0 ? " (and " + others + " more file" + (others > 1 ? "s" : "") + ")" : ""), refetchHint(spec));
        }
        return dir;
    }

    /**
     * Checks the cached files of {@code spec} against its manifest, hashing each one when {@code full}
     * or when its size or times changed, and records the times of those that matched.
     */
    public DatasetChecksums.Result verify(DatasetSpec spec, boolean full) {
        Path dir = cacheDir(spec);
        Path manifestFile = dir.resolve(MANIFEST);
        Manifest manifest;
        try {
            manifest = Json.readFile(manifestFile, Manifest.class);
        } catch (IOException e) {
            throw new DlforgeException("dataset " + spec.id() + ": the cache's manifest " + manifestFile + " is unreadable ("
                    + e.getMessage() + ")", refetchHint(spec));
        }
        DatasetChecksums.Result result = DatasetChecksums.check(dir, manifest, full, located(spec, dir));
        if (result.restamped()) {
            try {
                Json.writeFile(manifestFile, result.stamped());
            } catch (IOException e) {
                // a read-only cache still works; it is just hashed again next time
            }
        }
        return result;
    }

    /**
     * The dataset's files in {@code dir} by manifest key: the path relative to the folder, and for
     * manifests of older versions, which keyed files by bare name, that name too.
     */
    private static Map<String, Path> located(DatasetSpec spec, Path dir) {
        Map<String, Path> located = new LinkedHashMap<>();
        for (String name : spec.files()) {
            DatasetFiles.locate(dir, name).ifPresent(p -> {
                located.put(relative(dir, p), p);
                located.putIfAbsent(p.getFileName().toString(), p);
            });
        }
        return located;
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** What to do about a damaged cache of {@code spec}. */
    public String refetchHint(DatasetSpec spec) {
        return "fetch it again with `dlforge data fetch " + spec.id() + " --force` (or delete " + cacheDir(spec) + ")";
    }

    /** The cache folder when it holds the complete dataset. */
    public Optional<Path> cached(DatasetSpec spec) {
        Path dir = cacheDir(spec);
        return Files.isRegularFile(dir.resolve(MANIFEST)) && DatasetFiles.missing(dir, spec.files()).isEmpty()
                ? Optional.of(dir) : Optional.empty();
    }

    public Optional<Manifest> manifest(DatasetSpec spec) {
        return cached(spec).map(dir -> {
            try {
                return Json.readFile(dir.resolve(MANIFEST), Manifest.class);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Tries each source in order until one delivers all files into the cache. */
    public Path fetch(DatasetSpec spec) {
        return fetch(spec, false);
    }

    /**
     * As {@link #fetch(DatasetSpec)}, and with {@code replace} the fetched files take the place of a
     * cached copy (a damaged one, say); the old copy stays until the new one is complete.
     */
    public Path fetch(DatasetSpec spec, boolean replace) {
        List<String> tried = new ArrayList<>();
        tried.add("cache " + cacheDir(spec) + (replace ? ": to be replaced (--force)" : ": not there yet"));
        for (DataSource source : spec.sources()) {
            System.err.println("dataset " + spec.id() + ": trying " + source.describe());
            try {
                return fetchFrom(spec, source, replace);
            } catch (SourceUnavailableException e) {
                tried.add(source.describe() + ": " + e.getMessage());
            } catch (IOException e) {
                tried.add(source.describe() + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
            System.err.println("  " + tried.get(tried.size() - 1));
        }
        StringBuilder message = new StringBuilder("dataset " + spec.id() + " is not available here. Tried:");
        tried.forEach(t -> message.append("\n  - ").append(t));
        throw new DlforgeException(message.toString(),
                "fix one of the sources above, or download " + (spec.files().isEmpty() ? "the dataset" : String.join(", ", spec.files()))
                        + " (see " + spec.homepage() + ") into a folder and pass --data FOLDER");
    }

    private Path fetchFrom(DatasetSpec spec, DataSource source, boolean replace) throws SourceUnavailableException, IOException {
        Files.createDirectories(cacheRoot);
        Path temp = Files.createTempDirectory(cacheRoot, "." + spec.id() + ".partial-");
        try {
            source.fetchInto(temp);
            List<String> missing = DatasetFiles.missing(temp, spec.files());
            if (!missing.isEmpty()) {
                throw new SourceUnavailableException("delivered no " + String.join(", ", missing));
            }
            Json.writeFile(temp.resolve(MANIFEST), new Manifest(spec.id(), source.describe(), Instant.now().toString(), describeFiles(spec, temp)));
            Path target = cacheDir(spec);
            if (!replace && cached(spec).isPresent()) {
                return target; // another process cached it while we fetched; theirs is as good as ours
            }
            FileTrees.delete(target); // an incomplete or damaged folder (an interrupted copy, an older version, --force)
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                // another process cached it first; theirs is as good as ours
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            System.err.println("dataset " + spec.id() + " cached in " + target);
            return target;
        } finally {
            FileTrees.delete(temp);
        }
    }

    private static Map<String, FileEntry> describeFiles(DatasetSpec spec, Path dir) throws IOException {
        Map<String, FileEntry> files = new LinkedHashMap<>();
        for (String name : spec.files()) {
            Path p = DatasetFiles.locate(dir, name).orElseThrow();
            // No times yet: the first load hashes the files where they now lie and records them.
            files.put(relative(dir, p), new FileEntry(Files.size(p), DatasetChecksums.sha256(p)));
        }
        return files;
    }

    private static Path checkExplicit(DatasetSpec spec, Path explicit) {
        Path path = explicit.toAbsolutePath();
        if (Files.isRegularFile(path) && spec.files().size() == 1
                && DatasetFiles.locate(path.getParent(), spec.files().get(0)).map(path::equals).orElse(false)) {
            return path.getParent();
        }
        if (!Files.isDirectory(path)) {
            throw new DlforgeException("--data " + explicit + " is not a folder",
                    "pass a folder holding " + String.join(", ", spec.files()));
        }
        List<String> missing = DatasetFiles.missing(path, spec.files());
        if (!missing.isEmpty()) {
            throw new DlforgeException("--data " + explicit + " lacks " + String.join(", ", missing) + " for dataset " + spec.id(),
                    "put the files there, or leave out --data to use the cache and the dataset's sources");
        }
        return path;
    }
}
