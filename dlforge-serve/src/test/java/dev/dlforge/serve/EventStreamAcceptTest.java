package dev.dlforge.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.serve.api.ServeConfig;
import dev.dlforge.serve.metrics.ServeMetrics;
import dev.dlforge.serve.model.ModelRegistry;
import dev.dlforge.serve.studio.Studio;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/** The studio's event stream over real HTTP, whatever Accept header (or none) the client sends. */
@EndToEnd
class EventStreamAcceptTest {
    private static Studio studio;
    private static DlforgeServer server;

    @BeforeAll
    static void start() {
        Catalogue catalogue = Catalogue.standard();
        ServeMetrics metrics = new ServeMetrics();
        ServeConfig config = ServeConfig.local(0);
        ModelRegistry registry = new ModelRegistry(catalogue, config.batching(), metrics);
        studio = new Studio(catalogue, new RunStore(DlforgeHome.current()), registry, new PrintStream(new ByteArrayOutputStream()));
        server = DlforgeServer.start(config, registry, catalogue, metrics, studio);
    }

    @AfterAll
    static void stop() {
        server.close();
        studio.close();
    }

    /** The response's status line and headers for a GET of the events with {@code acceptLine} (empty: no Accept header). */
    private static String headersFor(String acceptLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + EventStreamAccept.PATH + " HTTP/1.1\r\nHost: localhost\r\n" + acceptLine + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    @Test
    void curlWithoutAnAcceptHeaderOrWithAnyTypeGetsTheStream() throws Exception {
        for (String accept : new String[] {"", "Accept: */*\r\n", "Accept: text/*;q=0.9\r\n", "Accept: text/event-stream\r\n"}) {
            String head = headersFor(accept);
            assertThat(head).as(accept).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: text/event-stream");
        }
    }

    @Test
    void theAcceptRangesThatAdmitTheStream() {
        assertThat(EventStreamAccept.acceptsEventStream(null)).isTrue();
        assertThat(EventStreamAccept.acceptsEventStream("application/json, */*;q=0.1")).isTrue();
        assertThat(EventStreamAccept.acceptsEventStream("application/json")).isFalse();
        assertThat(EventStreamAccept.acceptsEventStream("image/*")).isFalse();
    }
}
