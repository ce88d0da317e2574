package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import java.util.List;
import java.util.SplittableRandom;

/** Shared by the GGUF export tests: random GPTs with well-spread logits, and logits from both engines. */
final class GgufGpts {
    private GgufGpts() {}

    /**
     * A GPT of {@code config} whose matrices are uniform in {@code ±sqrt(3 / cols)} (unit-variance outputs, so logits
     * spread by about 1 and greedy choices are clear-cut, unlike a fresh 0.02-std init), norm weights around 1 and biases
     * around 0. Position embeddings are twice as wide as token embeddings: with the head tied to the token embedding, a
     * random GPT's favourite next token is the one it was just fed, and a continuation would repeat one character; the
     * positions move it on.
     */
    static Gpt random(GptConfig config, long seed, NDManager m) {
        Gpt gpt = Gpt.create(config, m);
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter p : gpt.getParameters().values()) {
            NDArray a = p.getArray();
            Shape shape = a.getShape();
            float[] v = new float[Math.toIntExact(shape.size())];
            boolean vector = shape.dimension() == 1;
            float bound = vector ? 0.1f : (float) Math.sqrt(3.0 / shape.get(shape.dimension() - 1));
            if (p == gpt.wpe()) {
                bound *= 2;
            }
            float centre = vector && p.getType() == Parameter.Type.GAMMA ? 1f : 0f;
            for (int i = 0; i < v.length; i++) {
                v[i] = centre + (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            try (NDManager sub = m.newSubManager()) {
                sub.create(v, shape).copyTo(a);
            }
        }
        return gpt;
    }

    /** DJL's logits (T, V) for {@code ids} in one pass. */
    static float[][] djl(Gpt gpt, int[] ids, NDManager m) {
        try (NDManager sub = m.newSubManager()) {
            NDArray x = sub.create(ids, new Shape(1, ids.length));
            float[] flat = gpt.forward(new ParameterStore(sub, false), new NDList(x), false).head().toFloatArray(); // (1, T, V)
            int v = gpt.config().vocabSize();
            float[][] out = new float[ids.length][v];
            for (int t = 0; t < ids.length; t++) {
                System.arraycopy(flat, t * v, out[t], 0, v);
            }
            return out;
        }
    }

    /** The engine's logits (T, V) for {@code ids}, fed one token at a time through its KV cache. */
    static float[][] engine(DecoderModel model, int[] ids) {
        KvCache cache = model.newCache(16L << 20);
        KvCache.Sequence seq = cache.newSequence(new int[0]);
        float[][] out = new float[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            out[t] = model.forward(cache, List.of(new Step(seq, new int[] {ids[t]})))[0];
        }
        return out;
    }

    static float maxAbsDiff(float[][] a, float[][] b) {
        float worst = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < a[t].length; i++) {
                worst = Math.max(worst, Math.abs(a[t][i] - b[t][i]));
            }
        }
        return worst;
    }

    /** The largest logit's id, skipping {@code banned}. */
    static int argmax(float[] logits, int banned) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (i != banned && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        return best;
    }
}
