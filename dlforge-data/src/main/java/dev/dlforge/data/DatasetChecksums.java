package dev.dlforge.data;

import dev.dlforge.core.progress.Progress;
import dev.dlforge.data.DatasetResolver.FileEntry;
import dev.dlforge.data.DatasetResolver.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;

/**
 * Checks a cached dataset's files against the sizes and SHA-256 sums its manifest recorded at fetch
 * time, so a file damaged later (a bad disk, a stray write, a half-finished copy) is refused instead
 * of training to a plausible-looking but meaningless result.
 *
 * <p>Hashing gigabytes at every load would be slow, so each entry also keeps the file's
 * modification and status-change times (mtime, ctime) from its last full check: when size and both
 * times are unchanged the file is taken as verified. The ctime matters: a tool that rewrites a file
 * and restores its mtime cannot restore its ctime. A file is hashed in full when the entry has no
 * times yet (the first use after a fetch, or a manifest of an older dlforge), when anything changed,
 * and always by {@code dlforge data verify}.
 */
public final class DatasetChecksums {
    /** Files at least this large show a progress bar while hashed. */
    static final long PROGRESS_BYTES = 32L << 20;

    private DatasetChecksums() {}

    /** One file's verdict: {@code problem} is null when it matches. */
    public record FileCheck(String name, Path path, String problem, boolean hashed) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * The verdict on every file of a manifest, and the manifest with fresh times for each file that
     * was hashed and matched (to be written back so the next load takes the fast path).
     */
    public record Result(List<FileCheck> files, Manifest stamped) {
        public boolean ok() {
            return files.stream().allMatch(FileCheck::ok);
        }

        public List<FileCheck> mismatches() {
            return files.stream().filter(f -> !f.ok()).toList();
        }

        boolean restamped() {
            return files.stream().anyMatch(f -> f.ok() && f.hashed());
        }
    }

    /**
     * Checks every file of {@code manifest} in {@code dir}; {@code full} hashes each one whatever its
     * times say. A key is a path relative to {@code dir} unless {@code located} maps it elsewhere.
     */
    public static Result check(Path dir, Manifest manifest, boolean full, Map<String, Path> located) {
        List<FileCheck> checks = new ArrayList<>();
        Map<String, FileEntry> stamped = new LinkedHashMap<>();
        for (Map.Entry<String, FileEntry> e : manifest.files().entrySet()) {
            String name = e.getKey();
            FileEntry recorded = e.getValue();
            Path file = located.getOrDefault(name, dir.resolve(name));
            FileEntry now = recorded;
            String problem;
            boolean hashed = false;
            try {
                if (!Files.isRegularFile(file)) {
                    problem = "missing";
                } else if (Files.size(file) != recorded.bytes()) {
                    problem = "is " + Files.size(file) + " bytes, " + recorded.bytes() + " when fetched";
                } else if (!full && unchanged(file, recorded)) {
                    problem = null;
                } else {
                    Long modified = modified(file);
                    Long changed = changed(file);
                    String sha = sha256(file);
                    hashed = true;
                    if (sha.equalsIgnoreCase(recorded.sha256())) {
                        problem = null;
                        now = new FileEntry(recorded.bytes(), recorded.sha256(), modified, changed);
                    } else {
                        problem = "sha256 " + sha + ", " + recorded.sha256() + " when fetched";
                    }
                }
            } catch (IOException ex) {
                problem = "cannot be read (" + ex.getMessage() + ")";
            }
            checks.add(new FileCheck(name, file, problem, hashed));
            stamped.put(name, now);
        }
        return new Result(List.copyOf(checks), new Manifest(manifest.id(), manifest.source(), manifest.fetched(), stamped));
    }

    /** The fast path: same size (checked before), same mtime and ctime as at the last full check. */
    private static boolean unchanged(Path file, FileEntry recorded) throws IOException {
        Long changed = changed(file);
        return recorded.modified() != null && recorded.modified().equals(modified(file))
                && (recorded.changed() == null ? changed == null : recorded.changed().equals(changed));
    }

    static Long modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
    }

    /** The status-change time (ctime) where the file system has one; null elsewhere (then mtime alone is the fast path). */
    static Long changed(Path file) {
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** The file's SHA-256 in hex, with a progress bar on stderr for big files. */
    public static String sha256(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file);
                ProgressBar bar = size >= PROGRESS_BYTES ? Progress.bar("sha256 " + file.getFileName(), size, 0, "MB", 1 << 20) : null) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
                if (bar != null) {
                    bar.stepBy(n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
