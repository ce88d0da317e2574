package dev.dlforge.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tar.gz served on loopback: checked, then only the wanted folders unpacked. */
class UrlArchiveSourceTest {
    @TempDir
    Path dir;

    static byte[] tgz(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (var f : files.entrySet()) {
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void downloadsChecksAndUnpacksTheWantedFoldersOnly() throws Exception {
        byte[] archive = tgz(Map.of("aclImdb/train/pos/0_9.txt", "great", "aclImdb/train/unsup/0_0.txt", "skip me",
                "aclImdb/README", "readme"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/a.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, archive.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(archive);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/a.tar.gz";
            Path target = Files.createDirectories(dir.resolve("out"));
            new UrlArchiveSource("test", new UrlSource.Download(url, "a.tar.gz", UrlSourceTest.sha256(archive)),
                    Map.of("aclImdb/train/pos/", "train/pos")).fetchInto(target);
            assertThat(Files.readString(target.resolve("train/pos/0_9.txt"))).isEqualTo("great");
            try (var files = Files.walk(target)) {
                assertThat(files.filter(Files::isRegularFile)).containsExactly(target.resolve("train/pos/0_9.txt"));
            }
            try (var left = Files.list(dir)) {
                assertThat(left).as("no archive left behind").containsExactly(target);
            }
            Path other = Files.createDirectories(dir.resolve("other"));
            assertThatThrownBy(() -> new UrlArchiveSource("test", new UrlSource.Download(url, "a.tar.gz", "00"),
                    Map.of("aclImdb/", "")).fetchInto(other)).isInstanceOf(SourceUnavailableException.class).hasMessageContaining("SHA-256");
        } finally {
            server.stop(0);
        }
    }
}
