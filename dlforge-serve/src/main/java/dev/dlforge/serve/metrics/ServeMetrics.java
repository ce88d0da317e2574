package dev.dlforge.serve.metrics;

import dev.dlforge.serve.batch.BatchObserver;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics, one registry per server: responses by route and status,
 * prediction requests by model and status, request latency, batch sizes, time per batch, and queue depth.
 */
public final class ServeMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Map<String, IntSupplier> queues = new ConcurrentHashMap<>();
    private final Counter requests = Counter.builder().name("dlforge_requests_total")
            .help("Prediction requests by model and HTTP status").labelNames("model", "status").register(registry);
    private final Counter responses = Counter.builder().name("dlforge_http_responses_total")
            .help("Every HTTP response by route pattern and the status the client received").labelNames("route", "status")
            .register(registry);
    private final Histogram latency = Histogram.builder().name("dlforge_request_duration_seconds")
            .help("Prediction request latency, from arrival to answer").labelNames("model")
            .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);
    private final Histogram batchSize = Histogram.builder().name("dlforge_batch_size")
            .help("Requests per model forward pass").labelNames("model")
            .classicOnly().classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
    private final Histogram batchSeconds = Histogram.builder().name("dlforge_batch_duration_seconds")
            .help("Time of one batched forward pass").labelNames("model")
            .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5).register(registry);

    public ServeMetrics() {
        GaugeWithCallback.builder().name("dlforge_queue_depth").help("Requests waiting for their model's next batch")
                .labelNames("model").callback(cb -> queues.forEach((model, depth) -> cb.call(depth.getAsInt(), model)))
                .register(registry);
    }

    public void request(String model, int status, double seconds) {
        requests.labelValues(model, Integer.toString(status)).inc();
        latency.labelValues(model).observe(seconds);
    }

    /** One response of any route; {@code route} is the matched pattern (a bounded set), or "unmatched". */
    public void response(String route, int status) {
        responses.labelValues(route, Integer.toString(status)).inc();
    }

    public BatchObserver batchObserver(String model) {
        return (size, seconds) -> {
            batchSize.labelValues(model).observe(size);
            batchSeconds.labelValues(model).observe(seconds);
        };
    }

    public void watchQueue(String model, IntSupplier depth) {
        queues.put(model, depth);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
