package dev.dlforge.models.retrieval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Gaussian vectors scaled to unit length, seeded by the text's hash, so equal texts get equal
 * vectors. It measures the index alone (no model time) at sizes MiniLM would take hours to embed
 * on a laptop; random vectors have no cluster structure, the hardest case for HNSW. Its vectors
 * carry no meaning: an index built with it is recorded as such and cannot be searched with MiniLM.
 */
public final class RandomUnitEmbedder implements TextEmbedder {
    private final int dimension;

    public RandomUnitEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "random-unit";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            SplittableRandom random = new SplittableRandom(texts.get(i).hashCode() * 0x9E3779B97F4A7C15L);
            float[] v = new float[dimension];
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                v[j] = (float) gaussian(random);
                norm += (double) v[j] * v[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dimension; j++) {
                v[j] = (float) (v[j] / norm);
            }
            out[i] = v;
        }
        return out;
    }

    /** Box-Muller: sqrt(-2 ln u1) cos(2 pi u2) is standard normal for uniform u1, u2 in (0, 1]. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
