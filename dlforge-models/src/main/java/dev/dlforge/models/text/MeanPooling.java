package dev.dlforge.models.text;

import java.nio.FloatBuffer;

/**
 * Sentence-transformers' pooling for MiniLM: the mean of the token vectors the attention mask
 * keeps, then L2 normalisation, so that a dot product is the cosine similarity.
 * <pre>e_b = sum_t m_bt h_bt / sum_t m_bt ;  e_b <- e_b / max(||e_b||, 1e-12)</pre>
 */
final class MeanPooling {
    private MeanPooling() {}

    /**
     * @param hidden last_hidden_state, row-major (B, T, D)
     * @param mask attention mask, row-major (B, T), 1 for real tokens
     * @return (B, D) unit vectors
     */
    static float[][] pool(FloatBuffer hidden, long[] mask, int batch, int length, int dim) {
        float[][] out = new float[batch][dim];
        for (int b = 0; b < batch; b++) {
            float[] e = out[b];
            int count = 0;
            for (int t = 0; t < length; t++) {
                if (mask[b * length + t] == 0) {
                    continue;
                }
                count++;
                int base = (b * length + t) * dim; // h[b, t, :]
                for (int d = 0; d < dim; d++) {
                    e[d] += hidden.get(base + d);
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                e[d] /= Math.max(count, 1);
                norm += (double) e[d] * e[d];
            }
            float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < dim; d++) {
                e[d] *= scale;
            }
        }
        return out;
    }
}
