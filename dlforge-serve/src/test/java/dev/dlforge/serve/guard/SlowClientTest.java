package dev.dlforge.serve.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.serve.Http;
import dev.dlforge.serve.ServedApi;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.api.SecurityConfig;
import dev.dlforge.serve.api.ServeConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Slow clients (slowloris): 300 connections from another loopback address, each sending its headers
 * and 3 bytes of a promised 100 kB body, then nothing. A normal request from 127.0.0.1 must keep its
 * usual latency: the attacker's address gets only its share of connections, and stalled bodies time out.
 */
@EndToEnd
class SlowClientTest {
    private static final int ATTACKERS = 300;

    @Test
    void stalledBodiesFromOneAddressDoNotDelayOtherClients() throws Exception {
        try (ServedApi api = ServedApi.start(ServeConfig.local(0), "digits", TrainedModels.digits())) {
            Http http = api.http();
            byte[] png = Http.digitPng(3, 0);
            assertThat(http.post("/v1/models/digits/predict", "image/png", png).status()).isEqualTo(200);
            List<Socket> attack = new ArrayList<>();
            try {
                InetAddress attacker = InetAddress.getByName("127.0.0.2");
                for (int i = 0; i < ATTACKERS; i++) {
                    Socket s = new Socket();
                    try {
                        s.bind(new InetSocketAddress(attacker, 0));
                        s.connect(new InetSocketAddress("127.0.0.1", api.port()), 2000);
                        OutputStream out = s.getOutputStream();
                        out.write(("POST /v1/models/digits/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
                                + "Content-Length: 100000\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException refused) {
                        // the server may close connections past the per-address cap at once
                    }
                    attack.add(s);
                }
                Thread.sleep(500); // let the server take them all up
                long worst = 0;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    assertThat(http.post("/v1/models/digits/predict", "image/png", png).status()).isEqualTo(200);
                    worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
                }
                assertThat(worst).as("slowest of 5 normal requests under the attack, ms").isLessThan(2_000);
                assertThat(api.server().http().refusedConnections()).as("connections past the per-address cap")
                        .isGreaterThanOrEqualTo(ATTACKERS - SecurityConfig.DEFAULT_CONNECTIONS_PER_CLIENT);
            } finally {
                for (Socket s : attack) {
                    s.close();
                }
            }
            // Once its connections are closed, the address is welcome again.
            long deadline = System.nanoTime() + 10_000_000_000L;
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                status = healthFrom("127.0.0.2", api.port());
                Thread.sleep(100);
            }
            assertThat(status).isEqualTo(200);
        }
    }

    private static int healthFrom(String address, int port) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return reply.startsWith("HTTP/1.1 ") ? Integer.parseInt(reply.substring(9, 12)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
