package dev.dlforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.engine.ProcessMemory;
import dev.dlforge.core.image.PngBytes;
import dev.dlforge.core.io.Json;
import dev.dlforge.serve.load.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code dlforge bench serve --attack}: the three attacks of the hardening issue against a server on
 * loopback, with what each cost the server and how a normal client fared. Bounded: a fixed number
 * of requests and connections, loopback only, every socket closed at the end.
 *
 * <ol>
 *   <li>Image bombs: a 57-byte PNG whose header claims 20000x20000 RGBA, a real 20000x20000 black
 *       grey PNG (~390 KB), and four of those at once; status, seconds, server RSS, health after.</li>
 *   <li>Cross-site requests: a text/plain train POST with {@code Origin: http://evil.example}, a
 *       form-encoded stop, and a studio read with {@code Host: evil.example}.</li>
 *   <li>Slow clients: 300 connections from 127.0.0.2, each sending headers and 3 bytes of a promised
 *       100 kB body; latency of normal requests from 127.0.0.1 before and during.</li>
 * </ol>
 */
public final class AttackBenchmark {
    private static final int BOMB_SIDE = 20_000;
    private static final int SLOW_CLIENTS = 300;
    private static final int PROBES = 20;
    private final URI base;
    private final long pid;
    private final PrintStream out;
    private boolean hardened = true;

    /** @param pid the server's process, for its RSS; -1 when it is not on this machine's /proc */
    public AttackBenchmark(URI base, long pid, PrintStream out) {
        this.base = base;
        this.pid = pid;
        this.out = out;
    }

    /** Runs all three; true when every attack was refused as the hardened server should. */
    public boolean run() throws Exception {
        out.printf("attacking %s (server pid %s)%n%n", base, pid < 0 ? "unknown: no RSS" : pid);
        out.println("| attack | answer | seconds | server RSS MB before -> after |");
        out.println("|---|---|---|---|");
        String model = imageModel();
        if (model == null) {
            out.println("| image bombs | skipped: the server has no image model (train digits first) | | |");
        } else {
            bombs(model);
        }
        crossSite();
        out.println();
        slowClients(model);
        out.println();
        out.println(hardened ? "every attack was refused" : "some attacks got through (see the rows above)");
        return hardened;
    }

    private void bombs(String model) throws Exception {
        String path = "/v1/models/" + model + "/predict";
        byte[] header = PngBytes.headerOnly(BOMB_SIDE, BOMB_SIDE, PngBytes.RGBA);
        row("header claims 20000x20000 RGBA (" + header.length + " B)", () -> post(path, "image/png", header), s -> s == 413);
        byte[] grey = PngBytes.black(BOMB_SIDE, BOMB_SIDE);
        row("20000x20000 grey PNG (" + grey.length / 1024 + " KB)", () -> post(path, "image/png", grey), s -> s == 413);
        row("four 20000x20000 at once", () -> {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(() -> post(path, "image/png", grey)));
                }
                StringBuilder statuses = new StringBuilder();
                int worst = 0;
                for (Future<Integer> a : answers) {
                    int s = a.get();
                    statuses.append(statuses.length() == 0 ? "" : " ").append(s);
                    worst = Math.max(worst, s);
                }
                int health = get("/health", null);
                return new Answer(worst, statuses + ", then /health " + health);
            } finally {
                pool.shutdownNow();
            }
        }, s -> s == 413);
    }

    private void crossSite() throws Exception {
        if (get("/studio/api/projects", null) == 404) {
            out.println("| cross-site | skipped: no studio at this address (`dlforge studio`) | | |");
            return;
        }
        String train = "{\"project\":\"digits\",\"model\":\"mlp\",\"epochs\":1,\"limit\":50}";
        row("text/plain train POST from Origin evil.example", () -> {
            int status = raw("POST", "/studio/api/train", "text/plain", train, "Origin: http://evil.example");
            if (status == 202) { // it got through: stop the training it started
                post("/studio/api/train/stop", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
            return status;
        }, s -> s == 403);
        row("form POST stop from Origin evil.example", () -> raw("POST", "/studio/api/train/stop", "application/x-www-form-urlencoded",
                "x=1", "Origin: http://evil.example"), s -> s == 403);
        row("studio read with Host evil.example (DNS rebinding)", () -> rawWithHost("evil.example:" + base.getPort()), s -> s == 403);
    }

    private void slowClients(String model) throws Exception {
        String path = model == null ? "/v1/models" : "/v1/models/" + model + "/predict";
        double[] before = probe();
        out.printf(Locale.ROOT, "slow clients: normal GET /health from 127.0.0.1, %d requests: p50 %.1f ms, max %.1f ms, %d failed%n",
                PROBES, before[0], before[1], (int) before[2]);
        double rssBefore = rss();
        List<Socket> attack = new ArrayList<>();
        int cut = 0;
        try {
            InetAddress attacker = InetAddress.getByName("127.0.0.2");
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket();
                attack.add(s);
                try {
                    s.bind(new InetSocketAddress(attacker, 0));
                    s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
                    OutputStream o = s.getOutputStream();
                    o.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: image/png\r\n"
                            + "Content-Length: 100000\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                } catch (IOException e) {
                    cut++;
                }
            }
            Thread.sleep(500);
            double[] during = probe();
            out.printf(Locale.ROOT, "  during %d stalled uploads from 127.0.0.2 (%d cut at once): p50 %.1f ms, max %.1f ms, %d failed;"
                    + " server RSS %.0f -> %.0f MB%n", SLOW_CLIENTS, cut, during[0], during[1], (int) during[2], rssBefore, rss());
            if (during[1] > 2_000 || during[2] > 0) {
                hardened = false;
            }
        } finally {
            for (Socket s : attack) {
                s.close();
            }
        }
    }

    /** Latency p50 and max in ms, and failures, of {@link #PROBES} sequential health checks, each on a new connection. */
    private double[] probe() {
        List<Double> ms = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < PROBES; i++) {
            long start = System.nanoTime();
            try {
                if (RawHttp.send(base.getHost(), base.getPort(), RawHttp.request("GET", "/health", "Host: " + base.getHost()), false)
                        .status() != 200) {
                    failed++;
                }
            } catch (IOException | RuntimeException e) {
                failed++;
            }
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return new double[] {SpeedBenchmark.median(ms), ms.stream().mapToDouble(Double::doubleValue).max().orElse(0), failed};
    }

    private interface Attack {
        Object send() throws Exception;
    }

    private interface Expected {
        boolean refused(int status);
    }

    private record Answer(int status, String text) {}

    private void row(String name, Attack attack, Expected expected) throws Exception {
        double rssBefore = rss();
        long start = System.nanoTime();
        Object result = attack.send();
        double seconds = (System.nanoTime() - start) / 1e9;
        Answer answer = result instanceof Answer a ? a : new Answer((Integer) result, result.toString());
        boolean ok = expected.refused(answer.status());
        hardened &= ok;
        out.printf(Locale.ROOT, "| %s | %s%s | %.2f | %.0f -> %.0f |%n", name, answer.text(), ok ? "" : " (got through)", seconds, rssBefore, rss());
    }

    private String imageModel() throws IOException, InterruptedException {
        RawHttp r = RawHttp.send(base.getHost(), base.getPort(), RawHttp.request("GET", "/v1/models", "Host: " + base.getHost()), false);
        if (r.status() != 200) {
            return null;
        }
        for (JsonNode m : Json.MAPPER.readTree(r.body()).path("models")) {
            if (m.path("inputShape").size() == 3) {
                return m.path("name").asText();
            }
        }
        return null;
    }

    private int post(String path, String type, byte[] body) throws IOException {
        String head = RawHttp.request("POST", path, "Host: " + base.getHost(), "Content-Type: " + type, "Content-Length: " + body.length);
        return RawHttp.send(base.getHost(), base.getPort(), head + new String(body, StandardCharsets.ISO_8859_1), false).status();
    }

    private int get(String path, String host) throws IOException {
        return RawHttp.send(base.getHost(), base.getPort(), RawHttp.request("GET", path, "Host: " + (host == null ? base.getHost() : host)),
                false).status();
    }

    private int raw(String method, String path, String type, String body, String header) throws IOException {
        String head = RawHttp.request(method, path, "Host: " + base.getHost() + ":" + base.getPort(), header, "Content-Type: " + type,
                "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
        return RawHttp.send(base.getHost(), base.getPort(), head + body, false).status();
    }

    private int rawWithHost(String host) throws IOException {
        return get("/studio/api/projects", host);
    }

    private double rss() {
        return pid < 0 ? Double.NaN : ProcessMemory.rssMegabytes(pid);
    }
}
