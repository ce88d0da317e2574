package dev.dlforge.llm.serving;

/**
 * How the scheduler shares the model between requests.
 *
 * @param maxQueue      requests that may wait to start; one more is refused with {@link QueueFullException}
 * @param maxRunning    sequences decoded together in one iteration (the batch)
 * @param tokenBudget   tokens fed to the model per iteration, decode tokens first, then prompt chunks: a long prompt is
 *                      prefilled over several iterations while the running streams keep receiving a token each
 * @param kvBudgetBytes memory for the keys and values of all sequences ({@code --kv-budget})
 */
public record SchedulerConfig(int maxQueue, int maxRunning, int tokenBudget, long kvBudgetBytes) {
    /** 64 waiting, 16 running, 256 tokens per iteration, 512 MiB of KV cache. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(64, 16, 256, 512L << 20);
    }

    public SchedulerConfig {
        if (maxQueue < 0 || maxRunning < 1 || tokenBudget < maxRunning || kvBudgetBytes < 1) {
            throw new IllegalArgumentException("scheduler limits: queue " + maxQueue + " >= 0, running " + maxRunning
                    + " >= 1, token budget " + tokenBudget + " >= running, KV budget " + kvBudgetBytes + " > 0 bytes");
        }
    }

    public SchedulerConfig withKvBudget(long bytes) {
        return new SchedulerConfig(maxQueue, maxRunning, tokenBudget, bytes);
    }

    public SchedulerConfig withMaxQueue(int n) {
        return new SchedulerConfig(n, maxRunning, tokenBudget, kvBudgetBytes);
    }
}
