package dev.dlforge.llm.serving;

/**
 * A snapshot of the scheduler.
 *
 * @param waiting        requests queued, not started
 * @param running        sequences in the batch
 * @param freeBlocks     KV blocks free in the pool
 * @param totalBlocks    KV blocks in the pool
 * @param bytesPerToken  KV bytes one token takes over all layers
 * @param iterations     forward passes so far
 * @param preemptions    sequences pre-empted (released and later recomputed) for lack of blocks
 * @param reusedTokens   prompt tokens whose keys and values came from a shared prefix
 * @param cancellations  requests cancelled (clients that went away), queued or running
 */
public record SchedulerStats(int waiting, int running, int freeBlocks, int totalBlocks, long bytesPerToken, long iterations,
                             long preemptions, long reusedTokens, long cancellations) { }
