package dev.dlforge.serve.load;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A bounded load test against a predict endpoint: {@code clients} threads send {@code requests}
 * requests in all, back to back, each one of the given bodies in turn, and check every 200 answer
 * against what that body must give. Nothing is retried; every request ends in exactly one count.
 * Each client keeps one HTTP/1.1 connection open, as a real client with a connection pool would.
 */
public final class LoadGenerator {
    private final URI endpoint;
    private final String contentType;
    private final List<byte[]> bodies;
    private final BiPredicate<Integer, String> correct;

    /**
     * @param correct tells whether the 200 body answering {@code bodies.get(i)} is right for it
     */
    public LoadGenerator(URI endpoint, String contentType, List<byte[]> bodies, BiPredicate<Integer, String> correct) {
        this.endpoint = endpoint;
        this.contentType = contentType;
        this.bodies = List.copyOf(bodies);
        this.correct = correct;
    }

    /**
     * What a load test saw.
     *
     * @param ok 200 answers that were right for their request
     * @param mismatched 200 answers that belonged to another request (must be 0)
     * @param refused 429 answers (queue full)
     * @param failed anything else: other statuses, connection errors (must be 0)
     */
    public record Result(int requests, int clients, double seconds, int ok, int mismatched, int refused, int failed,
            double p50Ms, double p99Ms, List<String> failures) {

        public double throughput() {
            return requests / seconds;
        }
    }

    public Result run(int requests, int clients) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger mismatched = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        double[] latencyMs = new double[requests];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                KeepAliveClient client = new KeepAliveClient(endpoint);
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    int which = i % bodies.size();
                    long t0 = System.nanoTime();
                    try {
                        KeepAliveClient.Response r = client.post(contentType, bodies.get(which));
                        if (r.status() == 200) {
                            (correct.test(which, r.body()) ? ok : mismatched).incrementAndGet();
                        } else if (r.status() == 429) {
                            refused.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            note(failures, r.status() + " " + r.body());
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        note(failures, e.toString());
                        closeQuietly(client); // the next request opens a fresh connection
                    }
                    latencyMs[i] = (System.nanoTime() - t0) / 1e6;
                }
                closeQuietly(client);
            }));
        }
        pool.shutdown();
        for (Future<?> w : workers) {
            try {
                w.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("load client crashed", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = latencyMs.clone();
        Arrays.sort(sorted);
        return new Result(requests, clients, seconds, ok.get(), mismatched.get(), refused.get(), failed.get(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), List.copyOf(failures));
    }

    private static void closeQuietly(KeepAliveClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }

    private static synchronized void note(List<String> failures, String what) {
        if (failures.size() < 5) {
            failures.add(what);
        }
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
