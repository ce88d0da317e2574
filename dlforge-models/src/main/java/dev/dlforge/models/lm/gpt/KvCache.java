package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The keys and values every attention layer has computed for the tokens decoded so far, so the
 * next token costs one position's work instead of the whole context's. Arrays live in the cache's
 * own manager, which outlives each step's; {@link #close} frees them.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Positions cached (P). */
    public int length() {
        return length;
    }

    /**
     * Appends one layer's new keys and values (B, H, T, hd) after the cached ones and returns the
     * full (B, H, P + T, hd) pair; {@link #advance} then moves the cache on by T.
     */
    public NDArray[] append(int layer, NDArray k, NDArray v) {
        keys[layer] = extend(keys[layer], k);
        values[layer] = extend(values[layer], v);
        return new NDArray[] {keys[layer], values[layer]};
    }

    private NDArray extend(NDArray past, NDArray next) {
        NDArray full = past == null ? next : past.concat(next, 2);
        full.attach(manager); // outlive the step that computed it
        if (past != null) {
            past.close();
        }
        return full;
    }

    /** Marks {@code tokens} more positions as cached, once every layer has appended them. */
    public void advance(int tokens) {
        length += tokens;
    }

    /** Forgets every position (a context that outgrew the model's window is re-fed from scratch). */
    public void clear() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                keys[i].close();
                values[i].close();
                keys[i] = null;
                values[i] = null;
            }
        }
        length = 0;
    }

    @Override
    public void close() {
        manager.close();
    }
}
