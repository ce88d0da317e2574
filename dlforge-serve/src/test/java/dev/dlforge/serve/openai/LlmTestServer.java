package dev.dlforge.serve.openai;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.serving.BigramModel;
import dev.dlforge.llm.serving.SchedulerConfig;
import dev.dlforge.serve.api.ServeConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** An {@link LlmServer} on a free loopback port over a small real model, and a switch that holds its scheduler between iterations. */
final class LlmTestServer implements AutoCloseable {
    static final String NAME = "bigram";
    static final List<String> SENTENCES = List.of("the cat sat on the mat and the dog sat on the rug.", "a dog ran in the park.",
            "the sun is warm today.", "we went to the sea and swam.", "it rained on the hills all night.");
    final LlmServer server;
    private volatile CountDownLatch hold;

    LlmTestServer(SchedulerConfig scheduling, int contextLength) {
        this(scheduling, new BigramModel(SENTENCES, 16, contextLength));
    }

    LlmTestServer(SchedulerConfig scheduling, DecoderModel model) {
        server = LlmServer.start(ServeConfig.local(0), scheduling, NAME, model);
        server.llm().scheduler().observe(steps -> {
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
        return new LlmTestServer(new SchedulerConfig(8, 4, 64, 1 << 20), 512);
    }

    String baseUrl() {
        return server.url() + "/v1";
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
