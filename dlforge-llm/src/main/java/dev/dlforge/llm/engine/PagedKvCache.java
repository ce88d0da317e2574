package dev.dlforge.llm.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * A {@link KvCache} of float32 keys and values in one pool of fixed-size blocks per layer (vLLM's paged attention).
 *
 * <p>Layout: for layer {@code l}, {@code keys(l)} and {@code values(l)} are {@code (totalBlocks * blockTokens, kvDim)}
 * row-major; the token at position {@code p} of a sequence lives in row {@code table[p / blockTokens] * blockTokens +
 * p % blockTokens}, its head {@code h} at columns {@code h * headDim .. (h + 1) * headDim}.
 *
 * <p>Prefix sharing: a block that a sequence has filled is registered under a hash of all tokens up to its end (the
 * chain of its own 16 tokens and its parent block), so a new sequence whose prompt starts with the same tokens takes
 * the same blocks (refcount + 1) instead of computing them. A shared block is full and is never written: a sequence
 * only writes at positions past its shared prefix. When the last user releases a registered block it stays cached
 * (evictable, least recently used first) until the pool needs it, so a system prompt reused by requests one after
 * another is computed once.
 */
public final class PagedKvCache implements KvCache {
    /** Tokens per block (vLLM's default). */
    public static final int DEFAULT_BLOCK_TOKENS = 16;

    private final int layers;
    private final int kvDim;
    private final int blockTokens;
    private final int totalBlocks;
    private final float[][] keys;
    private final float[][] values;
    private final int[] refs;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    /** Registered blocks no sequence uses, least recently released first. */
    private final LinkedHashSet<Integer> evictable = new LinkedHashSet<>();
    private final Map<BlockKey, Integer> byContent = new HashMap<>();
    private final BlockKey[] keyOf;

    /**
     * The content of a full block: its tokens and the key of the block before it (null for the first), so two keys are
     * equal only when every token up to the block's end is. Parents are usually the same object, so equality is cheap.
     */
    private static final class BlockKey {
        private final BlockKey parent;
        private final int[] tokens;
        private final int hash;

        BlockKey(BlockKey parent, int[] tokens) {
            this.parent = parent;
            this.tokens = tokens;
            this.hash = (parent == null ? 0 : parent.hash * 31) + Arrays.hashCode(tokens);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BlockKey k && k.hash == hash && Arrays.equals(k.tokens, tokens)
                    && (k.parent == parent || k.parent != null && k.parent.equals(parent));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * @param kvDim       {@code kvHeads * headDim}: floats of one token's keys (and as many of its values) in one layer
     * @param budgetBytes bytes of keys and values in all: the pool holds {@code budgetBytes / (bytesPerToken * blockTokens)} blocks
     */
    public PagedKvCache(int layers, int kvDim, int blockTokens, long budgetBytes) {
        if (layers <= 0 || kvDim <= 0 || blockTokens <= 0) {
            throw new IllegalArgumentException("layers, kvDim and blockTokens must be positive: " + layers + ", " + kvDim + ", " + blockTokens);
        }
        this.layers = layers;
        this.kvDim = kvDim;
        this.blockTokens = blockTokens;
        long perBlock = 2L * layers * kvDim * Float.BYTES * blockTokens;
        long blocks = budgetBytes / perBlock;
        if (blocks < 1) {
            throw new IllegalArgumentException("a KV-cache budget of " + budgetBytes + " bytes holds no block (one block of " + blockTokens
                    + " tokens takes " + perBlock + " bytes): raise the budget");
        }
        if (blocks * blockTokens * kvDim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a KV-cache budget of " + budgetBytes + " bytes needs layer arrays over 2^31 floats: lower it to "
                    + (Integer.MAX_VALUE / ((long) blockTokens * kvDim)) * perBlock + " bytes or less");
        }
        this.totalBlocks = (int) blocks;
        int rowsFloats = totalBlocks * blockTokens * kvDim;
        this.keys = new float[layers][rowsFloats];
        this.values = new float[layers][rowsFloats];
        this.refs = new int[totalBlocks];
        this.keyOf = new BlockKey[totalBlocks];
        for (int b = 0; b < totalBlocks; b++) {
            free.add(b);
        }
    }

    public PagedKvCache(int layers, int kvDim, long budgetBytes) {
        this(layers, kvDim, DEFAULT_BLOCK_TOKENS, budgetBytes);
    }

    @Override
    public int blockTokens() {
        return blockTokens;
    }

    @Override
    public int totalBlocks() {
        return totalBlocks;
    }

    /** Blocks not in use by any sequence (cached prefix blocks nobody holds count as free: they are evicted on demand). */
    @Override
    public synchronized int freeBlocks() {
        return free.size() + evictable.size();
    }

    @Override
    public long bytesPerToken() {
        return 2L * layers * kvDim * Float.BYTES;
    }

    public int layers() {
        return layers;
    }

    public int kvDim() {
        return kvDim;
    }

    /** Keys of layer {@code layer}, {@code (totalBlocks * blockTokens, kvDim)}. */
    public float[] keys(int layer) {
        return keys[layer];
    }

    /** Values of layer {@code layer}, {@code (totalBlocks * blockTokens, kvDim)}. */
    public float[] values(int layer) {
        return values[layer];
    }

    /**
     * A new sequence that shares the cached full blocks at the start of {@code prefix}. It never shares all of
     * {@code prefix}: at least its last token is left to feed, so that the first step returns logits.
     */
    @Override
    public synchronized PagedSequence newSequence(int[] prefix) {
        PagedSequence s = new PagedSequence();
        BlockKey parent = null;
        int shareable = prefix == null ? 0 : (prefix.length - 1) / blockTokens;
        for (int i = 0; i < shareable; i++) {
            Integer b = byContent.get(new BlockKey(parent, Arrays.copyOfRange(prefix, i * blockTokens, (i + 1) * blockTokens)));
            if (b == null) {
                break;
            }
            if (refs[b] == 0) {
                evictable.remove(b);
            }
            refs[b]++;
            s.add(b);
            parent = keyOf[b];
        }
        s.length = s.blocks * blockTokens;
        s.reused = s.length;
        if (s.length > 0) {
            System.arraycopy(prefix, 0, s.growTokens(s.length), 0, s.length);
        }
        return s;
    }

    private int allocate() {
        Integer b = free.poll();
        if (b == null) {
            var it = evictable.iterator();
            if (!it.hasNext()) {
                return -1;
            }
            b = it.next();
            it.remove();
            byContent.remove(keyOf[b]);
        }
        keyOf[b] = null;
        refs[b] = 1;
        return b;
    }

    private void unref(int b) {
        if (--refs[b] == 0) {
            if (keyOf[b] != null && Integer.valueOf(b).equals(byContent.get(keyOf[b]))) {
                evictable.add(b);
            } else {
                keyOf[b] = null;
                free.add(b);
            }
        }
    }

    /** One sequence's block table, its tokens, and where each of its positions lives in the pool. */
    public final class PagedSequence implements KvCache.Sequence {
        private int[] table = new int[4];
        private int blocks;
        private int[] tokens = new int[64];
        private int length;
        private int reused;
        private boolean released;

        private void add(int block) {
            if (blocks == table.length) {
                table = Arrays.copyOf(table, blocks * 2);
            }
            table[blocks++] = block;
        }

        private int[] growTokens(int n) {
            if (n > tokens.length) {
                tokens = Arrays.copyOf(tokens, Math.max(n, tokens.length * 2));
            }
            return tokens;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public int reusedPrefix() {
            return reused;
        }

        /** Blocks in this sequence's table (shared ones included). */
        public int blocks() {
            return blocks;
        }

        /** The pool row holding position {@code position} (below {@code length + reserved}). */
        public int row(int position) {
            return table[position / blockTokens] * blockTokens + position % blockTokens;
        }

        /**
         * Makes room for {@code n} more tokens, taking blocks from the pool; on {@link OutOfBlocks} nothing is taken.
         */
        public void reserve(int n) {
            synchronized (PagedKvCache.this) {
                if (released) {
                    throw new IllegalStateException("this sequence was released");
                }
                int need = (length + n + blockTokens - 1) / blockTokens - blocks;
                if (need > freeBlocks()) {
                    throw new OutOfBlocks("the KV cache needs " + need + " more blocks of " + blockTokens + " tokens, " + freeBlocks() + " of "
                            + totalBlocks + " are free: raise the KV-cache budget or run fewer sequences at once");
                }
                for (int i = 0; i < need; i++) {
                    add(allocate());
                }
            }
        }

        /**
         * Records that the keys and values of {@code fed} (positions {@code length ..}) are written; full blocks become
         * shareable by later sequences with the same tokens.
         */
        public void commit(int[] fed) {
            synchronized (PagedKvCache.this) {
                if (length + fed.length > blocks * blockTokens) {
                    throw new IllegalStateException("commit of " + fed.length + " tokens past the reserved " + blocks * blockTokens);
                }
                int before = length;
                System.arraycopy(fed, 0, growTokens(length + fed.length), length, fed.length);
                length += fed.length;
                for (int i = before / blockTokens; i < length / blockTokens; i++) {
                    register(i);
                }
            }
        }

        private void register(int i) {
            int b = table[i];
            if (keyOf[b] != null) {
                return;
            }
            // Every full block gets its key (its children's keys chain to it); the pool maps a content to the first block holding it.
            BlockKey key = new BlockKey(i == 0 ? null : keyOf[table[i - 1]], Arrays.copyOfRange(tokens, i * blockTokens, (i + 1) * blockTokens));
            keyOf[b] = key;
            byContent.putIfAbsent(key, b);
        }

        /** The tokens whose keys and values are cached. */
        public int[] tokens() {
            return Arrays.copyOf(tokens, length);
        }

        @Override
        public void release() {
            synchronized (PagedKvCache.this) {
                if (released) {
                    return;
                }
                released = true;
                for (int i = 0; i < blocks; i++) {
                    unref(table[i]);
                }
                blocks = 0;
                length = 0;
            }
        }
    }
}
