package dev.dlforge.llm.serving;

import dev.dlforge.llm.engine.KvCache;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A paged cache whose "keys and values" are the tokens themselves (all {@link BigramModel} needs): a pool of blocks of
 * {@code blockTokens} tokens, a block table per sequence, reference counts, and full blocks shared by prompt prefix
 * (keyed by every token up to the block's end) while a sequence holds them.
 */
public final class TokenBlockCache implements KvCache {
    private final int blockTokens;
    private final int[][] blocks;
    private final int[] refs;
    private final Deque<Integer> free = new ArrayDeque<>();
    private final Map<String, Integer> fullBlocks = new HashMap<>();
    private final Map<Integer, String> keyOf = new HashMap<>();

    public TokenBlockCache(int blockTokens, int totalBlocks) {
        this.blockTokens = blockTokens;
        this.blocks = new int[totalBlocks][blockTokens];
        this.refs = new int[totalBlocks];
        for (int i = 0; i < totalBlocks; i++) {
            free.add(i);
        }
    }

    @Override
    public int blockTokens() {
        return blockTokens;
    }

    @Override
    public int totalBlocks() {
        return blocks.length;
    }

    @Override
    public synchronized int freeBlocks() {
        return free.size();
    }

    @Override
    public long bytesPerToken() {
        return Integer.BYTES;
    }

    @Override
    public synchronized Sequence newSequence(int[] prefix) {
        TokenSequence s = new TokenSequence();
        for (int end = blockTokens; end <= prefix.length; end += blockTokens) {
            Integer block = fullBlocks.get(Arrays.toString(Arrays.copyOf(prefix, end)));
            if (block == null) {
                break;
            }
            refs[block]++;
            s.table.add(block);
            s.length = end;
            s.reused = end;
        }
        return s;
    }

    /** Appends {@code tokens}, all or none: {@link OutOfBlocks} when the pool lacks the blocks they need. */
    synchronized void append(Sequence sequence, int[] tokens) {
        TokenSequence s = (TokenSequence) sequence;
        int need = (s.length + tokens.length + blockTokens - 1) / blockTokens - s.table.size();
        if (need > free.size()) {
            throw new OutOfBlocks("need " + need + " blocks, " + free.size() + " free");
        }
        for (int t : tokens) {
            if (s.length % blockTokens == 0) {
                int block = free.poll();
                refs[block] = 1;
                s.table.add(block);
            }
            blocks[s.table.get(s.length / blockTokens)][s.length % blockTokens] = t;
            s.length++;
            if (s.length % blockTokens == 0) {
                String key = Arrays.toString(s.tokens());
                int block = s.table.get(s.table.size() - 1);
                fullBlocks.putIfAbsent(key, block);
                keyOf.putIfAbsent(block, key);
            }
        }
    }

    /** The token at {@code position} of the sequence, read through its block table. */
    synchronized int token(Sequence sequence, int position) {
        TokenSequence s = (TokenSequence) sequence;
        return blocks[s.table.get(position / blockTokens)][position % blockTokens];
    }

    private final class TokenSequence implements Sequence {
        final List<Integer> table = new ArrayList<>();
        int length;
        int reused;
        boolean released;

        int[] tokens() {
            int[] out = new int[length];
            for (int i = 0; i < length; i++) {
                out[i] = blocks[table.get(i / blockTokens)][i % blockTokens];
            }
            return out;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public int reusedPrefix() {
            return reused;
        }

        @Override
        public void release() {
            synchronized (TokenBlockCache.this) {
                if (released) {
                    return;
                }
                released = true;
                for (int block : table) {
                    if (--refs[block] == 0) {
                        String key = keyOf.remove(block);
                        if (key != null) {
                            fullBlocks.remove(key);
                        }
                        free.add(block);
                    }
                }
                table.clear();
            }
        }
    }
}
