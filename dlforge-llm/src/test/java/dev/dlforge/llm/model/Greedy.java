package dev.dlforge.llm.model;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.DecoderModel.Step;
import dev.dlforge.llm.engine.KvCache;
import java.util.List;

/** Greedy continuation with our engine, over token ids, skipping ids below {@code firstAllowed} (specials and bytes). */
final class Greedy {
    private Greedy() {
    }

    static int argmax(float[] logits, int firstAllowed) {
        int best = firstAllowed;
        for (int i = firstAllowed + 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    static int[] continuation(DecoderModel model, int[] prompt, int n, int firstAllowed) {
        KvCache cache = model.newCache(64L << 20);
        KvCache.Sequence seq = cache.newSequence(new int[0]);
        float[] logits = model.forward(cache, List.of(new Step(seq, prompt)))[0];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = argmax(logits, firstAllowed);
            if (i + 1 < n) {
                logits = model.forward(cache, List.of(new Step(seq, new int[] {out[i]})))[0];
            }
        }
        seq.release();
        return out;
    }
}
