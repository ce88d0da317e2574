package dev.dlforge.projects.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file is, for incremental indexing: {@code size:mtime-millis:sha256}. The hash is read as a
 * stream (a huge file is never held whole); size and time alone would miss an edit that keeps both
 * (a copy with {@code cp -p}), the hash alone would not show a touched file as seen.
 */
public final class FileFingerprint {
    private FileFingerprint() {}

    public static String of(Path file) throws IOException {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return size + ":" + mtime + ":" + HexFormat.of().formatHex(sha.digest());
    }

}
