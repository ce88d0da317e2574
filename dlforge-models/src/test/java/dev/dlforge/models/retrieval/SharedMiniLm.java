package dev.dlforge.models.retrieval;

import dev.dlforge.models.text.MiniLmEncoder;

/** One MiniLM session for all retrieval tests (opening it costs a second); closed at JVM exit. */
final class SharedMiniLm {
    private static MiniLmEmbedder embedder;

    private SharedMiniLm() {}

    static synchronized MiniLmEmbedder embedder() {
        if (embedder == null) {
            MiniLmEncoder encoder = MiniLmEncoder.open(MiniLmEncoder.Options.defaults().withBatchSize(16));
            Runtime.getRuntime().addShutdownHook(new Thread(encoder::close));
            embedder = new MiniLmEmbedder(encoder);
        }
        return embedder;
    }
}
