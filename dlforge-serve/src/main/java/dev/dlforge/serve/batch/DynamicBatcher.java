package dev.dlforge.serve.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Dynamic batching for one model. Callers {@link #submit} inputs from any thread; one worker thread
 * takes the oldest waiting request, lets others join it until the batch holds {@code maxBatch} or
 * {@code maxDelayMs} have passed since that request arrived, runs the model once on the whole
 * batch, and completes each caller's future with its own output (outputs come back in input order).
 *
 * <p>The queue is bounded: when it is full, {@code submit} throws {@link QueueFullException} at
 * once. A model failure fails that batch's futures and the worker carries on. Requests whose caller
 * gave up (cancelled or timed-out futures) are dropped before the model runs.
 *
 * @param <I> model input
 * @param <O> model output
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {
    private final String name;
    private final Function<List<I>, List<O>> model;
    private final BatchingConfig config;
    private final BatchObserver observer;
    private final BlockingQueue<Pending<I, O>> queue;
    private final Thread worker;
    private volatile boolean closed;

    private record Pending<I, O>(I input, CompletableFuture<O> result, long arrivedNanos) {}

    public DynamicBatcher(String name, Function<List<I>, List<O>> model, BatchingConfig config, BatchObserver observer) {
        this.name = name;
        this.model = model;
        this.config = config;
        this.observer = observer;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.worker = new Thread(this::work, "dlforge-batcher-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues {@code input}; the future completes with its output, or fails with the model's error. */
    public CompletableFuture<O> submit(I input) {
        if (closed) {
            throw new IllegalStateException("model " + name + " is shutting down");
        }
        Pending<I, O> p = new Pending<>(input, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(p)) {
            throw new QueueFullException(name, config.queueCapacity());
        }
        return p.result();
    }

    /** Requests waiting for the worker. */
    public int queueDepth() {
        return queue.size();
    }

    /** Stops taking requests, answers those already queued, then stops the worker. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        List<Pending<I, O>> batch = new ArrayList<>(config.maxBatch());
        while (!closed || !queue.isEmpty()) {
            batch.clear();
            try {
                if (!collect(batch)) {
                    continue;
                }
            } catch (InterruptedException e) {
                queue.drainTo(batch, config.maxBatch()); // closing: answer what is queued
            }
            run(batch);
        }
    }

    /** Fills {@code batch}: the oldest request, then others until it is full or the delay ran out. */
    private boolean collect(List<Pending<I, O>> batch) throws InterruptedException {
        Pending<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        long deadline = first.arrivedNanos() + TimeUnit.MILLISECONDS.toNanos(config.maxDelayMs());
        while (batch.size() < config.maxBatch()) {
            long wait = deadline - System.nanoTime();
            Pending<I, O> next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return true;
    }

    private void run(List<Pending<I, O>> batch) {
        batch.removeIf(p -> p.result().isDone()); // the caller gave up waiting
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            List<O> outputs = model.apply(batch.stream().map(Pending::input).toList());
            if (outputs.size() != batch.size()) {
                throw new IllegalStateException("model " + name + " gave " + outputs.size() + " outputs for " + batch.size() + " inputs");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outputs.get(i));
            }
        } catch (Throwable t) { // a failing batch must not kill the worker; its callers get the error
            for (Pending<I, O> p : batch) {
                p.result().completeExceptionally(t);
            }
        } finally {
            observer.onBatch(batch.size(), (System.nanoTime() - start) / 1e9);
        }
    }
}
