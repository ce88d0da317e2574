package dev.dlforge.models.retrieval;

import dev.dlforge.models.text.MiniLmEncoder;
import java.util.List;

/** {@link MiniLmEncoder} (all-MiniLM-L6-v2, mean-pooled, L2-normalised, 384-d) as a {@link TextEmbedder}. */
public final class MiniLmEmbedder implements TextEmbedder {
    private final MiniLmEncoder encoder;

    /** Wraps an open encoder; the caller still owns and closes it. */
    public MiniLmEmbedder(MiniLmEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "all-MiniLM-L6-v2";
    }

    @Override
    public int dimension() {
        return MiniLmEncoder.DIMENSION;
    }

    @Override
    public float[][] embed(List<String> texts) {
        return encoder.embed(texts);
    }
}
