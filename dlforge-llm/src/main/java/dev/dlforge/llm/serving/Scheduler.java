package dev.dlforge.llm.serving;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.engine.KvCache;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Iteration-level scheduling (continuous batching, as in Orca and vLLM) of one {@link DecoderModel} over its paged
 * {@link KvCache}. One thread loops: it drops cancelled sequences (their blocks return to the pool at once), admits
 * waiting requests while the batch has room and the pool has the blocks for their prompts, then runs one
 * {@link DecoderModel#forward} over every running sequence: one token for each decoding sequence, then chunks of the
 * prompts being prefilled within {@link SchedulerConfig#tokenBudget()} — so a long prompt is prefilled over several
 * iterations while the others go on decoding. A prompt whose prefix another sequence has cached shares its blocks.
 * When the pool runs out, the youngest sequence is pre-empted: released, and recomputed from its tokens when blocks
 * are free again (its client sees nothing of it but a delay).
 */
public final class Scheduler implements AutoCloseable {
    private final DecoderModel model;
    private final KvCache cache;
    private final SchedulerConfig config;
    private final int contextLength;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Deque<ScheduledRequest> waiting = new ArrayDeque<>();
    private final List<ScheduledRequest> running = new ArrayList<>();
    private final Thread loop;
    private volatile Consumer<List<DecoderModel.Step>> observer = steps -> { };
    private volatile boolean closed;
    private volatile long iterations;
    private volatile long preemptions;
    private volatile long reusedTokens;
    private volatile long cancellations;

    public Scheduler(DecoderModel model, SchedulerConfig config) {
        this.model = model;
        this.config = config;
        this.cache = model.newCache(config.kvBudgetBytes());
        this.contextLength = model.info().contextLength();
        this.loop = new Thread(this::run, "dlforge-scheduler");
        loop.setDaemon(true);
        loop.start();
    }

    public DecoderModel model() {
        return model;
    }

    public SchedulerConfig config() {
        return config;
    }

    /**
     * Queues a request; {@code listener} hears its tokens and its end on the scheduler's thread.
     *
     * @throws QueueFullException when {@link SchedulerConfig#maxQueue()} requests wait already
     */
    public Generation submit(GenerationRequest request, GenerationListener listener) {
        if (request.prompt().length >= contextLength) {
            throw new IllegalArgumentException("the prompt has " + request.prompt().length + " tokens; the context holds " + contextLength);
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the scheduler is closed");
            }
            if (waiting.size() + running.size() >= config.maxQueue() + config.maxRunning()) {
                throw new QueueFullException(config.maxQueue(), 1);
            }
            ScheduledRequest[] self = new ScheduledRequest[1];
            self[0] = new ScheduledRequest(request, listener, () -> cancelled(self[0]));
            waiting.addLast(self[0]);
            work.signalAll();
            return self[0];
        } finally {
            lock.unlock();
        }
    }

    /** Hears the steps of every iteration, before the forward pass (on the scheduler's thread; tests use it). */
    public void observe(Consumer<List<DecoderModel.Step>> stepsObserver) {
        this.observer = stepsObserver;
    }

    public SchedulerStats stats() {
        lock.lock();
        try {
            return new SchedulerStats(waiting.size(), running.size(), cache.freeBlocks(), cache.totalBlocks(), cache.bytesPerToken(),
                    iterations, preemptions, reusedTokens, cancellations);
        } finally {
            lock.unlock();
        }
    }

    /** KV bytes a sequence of {@code tokens} tokens holds (whole blocks). */
    public long kvBytes(int tokens) {
        return blocks(tokens) * cache.blockTokens() * cache.bytesPerToken();
    }

    private void cancelled(ScheduledRequest r) {
        lock.lock();
        try {
            if (waiting.remove(r)) {
                cancellations++;
                r.listener.finished(r.finish(FinishReason.CANCELLED, null));
            }
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            List<ScheduledRequest> batch;
            try {
                batch = admit();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                continue;
            }
            iterate(batch);
        }
    }

    /** Drops cancelled sequences, admits waiting ones, and returns the batch (null when there is none yet). */
    private List<ScheduledRequest> admit() throws InterruptedException {
        lock.lock();
        try {
            running.removeIf(r -> {
                if (r.isCancelled()) {
                    cancellations++;
                    r.close();
                    r.listener.finished(r.finish(FinishReason.CANCELLED, null));
                    return true;
                }
                return false;
            });
            while (!waiting.isEmpty() && running.size() < config.maxRunning()) {
                ScheduledRequest next = waiting.peekFirst();
                int need = blocks(next.length) + 1;
                if (need > cache.totalBlocks()) {
                    waiting.pollFirst();
                    next.listener.finished(next.finish(FinishReason.ERROR, "the sequence needs " + need + " KV blocks; the budget holds "
                            + cache.totalBlocks() + ": raise --kv-budget or send a shorter prompt"));
                    continue;
                }
                if (!running.isEmpty() && need > cache.freeBlocks()) {
                    break; // waits for blocks to free up
                }
                waiting.pollFirst();
                next.open(cache);
                reusedTokens += next.fed;
                running.add(next);
            }
            if (running.isEmpty()) {
                work.await(100, TimeUnit.MILLISECONDS);
                return null;
            }
            return new ArrayList<>(running);
        } finally {
            lock.unlock();
        }
    }

    /** One forward pass over the batch, then a token sampled for each sequence whose tokens are all fed. */
    private void iterate(List<ScheduledRequest> batch) {
        List<ScheduledRequest> fed = new ArrayList<>();
        List<DecoderModel.Step> steps = new ArrayList<>();
        int budget = config.tokenBudget();
        int blocksNeeded = 0;
        // decode steps first (one token each), then prompt chunks in arrival order within what is left of the budget
        for (boolean decodes : new boolean[] {true, false}) {
            for (ScheduledRequest r : batch) {
                if (r.decoding() != decodes || budget == 0) {
                    continue;
                }
                int n = Math.min(r.unfed(), budget);
                while (n > 0 && blocksNeeded + blocks(r.fed + n) - blocks(r.fed) > cache.freeBlocks()) {
                    n = decodes ? 0 : n / 2; // a shorter prompt chunk may still fit
                }
                if (n == 0) {
                    if (decodes) {
                        outOfBlocks(batch);
                        return;
                    }
                    continue;
                }
                blocksNeeded += blocks(r.fed + n) - blocks(r.fed);
                budget -= n;
                steps.add(new DecoderModel.Step(r.sequence, Arrays.copyOfRange(r.tokens, r.fed, r.fed + n)));
                fed.add(r);
            }
        }
        if (steps.isEmpty()) {
            outOfBlocks(batch);
            return;
        }
        observer.accept(steps);
        float[][] logits;
        try {
            logits = model.forward(cache, steps);
        } catch (KvCache.OutOfBlocks e) {
            // what the cache holds of this batch is unknown now: recompute every sequence of it
            batch.forEach(this::preempt);
            return;
        } catch (RuntimeException | Error e) {
            fed.forEach(r -> end(r, FinishReason.ERROR, "the model failed: " + e));
            return;
        }
        iterations++;
        for (int i = 0; i < fed.size(); i++) {
            ScheduledRequest r = fed.get(i);
            r.fed += steps.get(i).tokens().length;
            if (r.unfed() > 0 || r.isCancelled()) {
                continue; // more prompt to prefill
            }
            FinishReason done;
            try {
                done = r.accept(r.sample(logits[i]), model.tokenizer(), contextLength);
            } catch (RuntimeException e) {
                end(r, FinishReason.ERROR, "the listener or sampler failed: " + e);
                continue;
            }
            if (done != null) {
                end(r, done, null);
            }
        }
    }

    /** No block for a sequence that must go on: the youngest gives its blocks back, or a sequence alone ends at the pool's size. */
    private void outOfBlocks(List<ScheduledRequest> batch) {
        if (batch.size() > 1) {
            preempt(batch.get(batch.size() - 1));
        } else {
            end(batch.get(0), FinishReason.LENGTH, null);
        }
    }

    private void preempt(ScheduledRequest r) {
        lock.lock();
        try {
            if (running.remove(r)) {
                r.close();
                preemptions++;
                waiting.addFirst(r);
            }
        } finally {
            lock.unlock();
        }
    }

    private void end(ScheduledRequest r, FinishReason reason, String error) {
        lock.lock();
        try {
            running.remove(r);
            r.close();
        } finally {
            lock.unlock();
        }
        r.listener.finished(r.finish(reason, error));
    }

    private int blocks(int tokens) {
        return (tokens + cache.blockTokens() - 1) / cache.blockTokens();
    }

    /** Ends every request (as cancelled) and stops the loop; the model stays open (its owner closes it). */
    @Override
    public void close() {
        closed = true;
        loop.interrupt();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            for (ScheduledRequest r : waiting) {
                r.listener.finished(r.finish(FinishReason.CANCELLED, null));
            }
            waiting.clear();
            for (ScheduledRequest r : running) {
                r.close();
                r.listener.finished(r.finish(FinishReason.CANCELLED, null));
            }
            running.clear();
        } finally {
            lock.unlock();
        }
    }
}
