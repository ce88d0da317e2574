package dev.dlforge.llm.engine;

/**
 * Keys and values of every layer in fixed-size blocks ({@link #blockTokens()} tokens each) drawn from one pool: a
 * sequence holds a block table (its logical blocks in order), so sequences of any length share the pool without
 * fragmentation, and a prompt prefix already cached can be shared by a new sequence (its full blocks, copy-on-write).
 */
public interface KvCache {
    int blockTokens();

    int totalBlocks();

    int freeBlocks();

    /** Bytes one token's keys and values take over all layers. */
    long bytesPerToken();

    /** A new, empty sequence; with {@code prefix} tokens already cached by another sequence, their full blocks are shared. */
    Sequence newSequence(int[] prefix);

    /** One sequence's view of the cache. */
    interface Sequence {
        /** Tokens whose keys and values are cached. */
        int length();

        /** Of those, the tokens that came from a shared prefix (not computed for this sequence). */
        int reusedPrefix();

        /** Gives its blocks back to the pool (shared ones when their last user releases them). Idempotent. */
        void release();
    }

    /** The pool has no free block for the tokens asked for. */
    final class OutOfBlocks extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfBlocks(String message) {
            super(message);
        }
    }
}
