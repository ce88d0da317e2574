package dev.dlforge.serve.openai;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.model.RandomLlamaGguf;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.llm.serving.ServingModel;
import dev.dlforge.serve.api.ServeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * An {@link LlmServer} on a free loopback port over the real engine: a tiny random-weight Llama GGUF (hidden 64, 2
 * layers, GQA 4/2, vocabulary 320, Q8_0, context 2048) that the fixture writes; and a switch that holds its scheduler
 * between iterations, or paces them.
 */
final class LlmTestServer implements AutoCloseable {
    static final String NAME = "bigram";
    static final int CONTEXT = 2048;
    final LlmServer server;
    private volatile CountDownLatch hold;
    private volatile long paceMillis;
    private final java.util.concurrent.atomic.AtomicLong iterations = new java.util.concurrent.atomic.AtomicLong();

    LlmTestServer(SchedulerConfig scheduling) {
        this(scheduling, tinyLlama());
    }

    static DecoderModel tinyLlama() {
        try {
            Path dir = Files.createTempDirectory("dlforge-llm-test");
            Path gguf = dir.resolve("tiny-llama-q8_0.gguf");
            RandomLlamaGguf.write(new RandomLlamaGguf.Spec(64, 2, 4, 2, 128, 320, CONTEXT, GgmlType.Q8_0, false, 7), gguf);
            gguf.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return ServingModel.open(gguf, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LlmTestServer(SchedulerConfig scheduling, DecoderModel model) {
        this(ServeConfig.local(0), scheduling, model);
    }

    LlmTestServer(ServeConfig config, SchedulerConfig scheduling, DecoderModel model) {
        server = LlmServer.start(config, scheduling, NAME, model);
        server.llm().scheduler().observe(steps -> {
            iterations.incrementAndGet();
            long pause = paceMillis;
            if (pause > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    static LlmTestServer standard() {
        return new LlmTestServer(new SchedulerConfig(8, 4, 64, 4L << 20));
    }

    String baseUrl() {
        return server.url() + "/v1";
    }

    /** From now on every iteration of the scheduler waits {@code millis} first: a stream a browser sees arrive token by token. */
    void pace(long millis) {
        paceMillis = millis;
    }

    /** The scheduler's iterations so far (forward passes). */
    long iterations() {
        return iterations.get();
    }

    /** From now on the scheduler stops before its next forward pass, until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch h = hold;
        hold = null;
        if (h != null) {
            h.countDown();
        }
    }

    @Override
    public void close() {
        release();
        server.close();
    }
}
