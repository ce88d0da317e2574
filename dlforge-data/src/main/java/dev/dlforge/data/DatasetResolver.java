package dev.dlforge.data;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.io.Json;
import dev.dlforge.data.source.DataSource;
import dev.dlforge.data.source.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * When every source fails, the error lists each one with its reason and what the user can do.
 */
public final class DatasetResolver {
    static final String MANIFEST = ".dlforge-dataset.json";
    private final Path cacheRoot;

    /** What the cache records of a fetched dataset. */
    public record Manifest(String id, String source, String fetched, Map<String, FileEntry> files) {}

    /** Size and SHA-256 of one cached file. */
    public record FileEntry(long bytes, String sha256) {}

    public DatasetResolver(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    public Path cacheDir(DatasetSpec spec) {
        return cacheRoot.resolve(spec.id());
    }

    /** The folder holding the dataset's files, fetching them if needed. */
    public Path resolve(DatasetSpec spec, Path explicit) {
        if (explicit != null) {
            return checkExplicit(spec, explicit);
        }
        return cached(spec).orElseGet(() -> fetch(spec));
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
        List<String> tried = new ArrayList<>();
        tried.add("cache " + cacheDir(spec) + ": not there yet");
        for (DataSource source : spec.sources()) {
            System.err.println("dataset " + spec.id() + ": trying " + source.describe());
            try {
                return fetchFrom(spec, source);
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

    private Path fetchFrom(DatasetSpec spec, DataSource source) throws SourceUnavailableException, IOException {
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
            if (cached(spec).isPresent()) {
                return target; // another process cached it while we fetched; theirs is as good as ours
            }
            FileTrees.delete(target); // an incomplete folder (an interrupted copy, an older version)
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
            files.put(p.getFileName().toString(), new FileEntry(Files.size(p), sha256(p)));
        }
        return files;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
