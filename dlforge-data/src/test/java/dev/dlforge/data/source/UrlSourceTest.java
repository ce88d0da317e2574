package dev.dlforge.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on loopback. */
class UrlSourceTest {
    private static final byte[] BODY = "the dataset's bytes\n".repeat(5000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.bin", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", base + "/data.bin");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void downloadsAndVerifiesTheChecksumFollowingRedirects() throws Exception {
        new UrlSource("test server", List.of(new UrlSource.Download(base + "/moved", "data.bin", sha256(BODY)))).fetchInto(dir);
        assertThat(Files.readAllBytes(dir.resolve("data.bin"))).isEqualTo(BODY);
    }

    @Test
    void rejectsBytesThatAreNotThePublishedFile() {
        UrlSource source = new UrlSource("test server", List.of(new UrlSource.Download(base + "/data.bin", "data.bin", "00".repeat(32))));
        assertThatThrownBy(() -> source.fetchInto(dir)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("refusing a file that is not the published one");
        assertThat(dir.resolve("data.bin")).doesNotExist();
    }

    @Test
    void reportsHttpErrors() {
        UrlSource source = new UrlSource("test server", List.of(new UrlSource.Download(base + "/missing", "x", "00")));
        assertThatThrownBy(() -> source.fetchInto(dir)).hasMessageContaining("answered HTTP 404");
    }

    @Test
    void reportsAnUnreachableServer() {
        server.stop(0);
        UrlSource source = new UrlSource("test server", List.of(new UrlSource.Download(base + "/data.bin", "x", "00")));
        assertThatThrownBy(() -> source.fetchInto(dir)).isInstanceOf(SourceUnavailableException.class).hasMessageContaining("unreachable");
    }
}
