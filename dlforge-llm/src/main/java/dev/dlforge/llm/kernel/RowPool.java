package dev.dlforge.llm.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads that share a forward pass: matrix products split over rows (several products that read the same input
 * in one go: Q, K, V; gate, up), and loops over independent items (attention heads).
 *
 * <p>Threads: {@code -Ddlforge.llm.threads=N}, else every available processor; the calling thread is one of them
 * (one thread runs everything inline). Calls from several threads take turns.
 */
public final class RowPool implements AutoCloseable {
    private final int threads;
    /** How long an idle worker spins before it parks (GOMP's default spin is of this order). */
    private static final long SPIN_NANOS = Long.getLong("dlforge.llm.spinMicros", 2_000) * 1_000;
    private final Thread[] workers;
    private volatile int generation;
    private volatile Job job;
    private volatile boolean closed;

    /** One product of a batch: {@code out[b][outOffset + r] = (matrix x[b])[r]}. */
    public record Product(WeightMatrix matrix, float[][] out, int outOffset) {
        public Product(WeightMatrix matrix, float[][] out) {
            this(matrix, out, 0);
        }
    }

    public RowPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(this::workerLoop, "dlforge-llm-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    public static int defaultThreads() {
        return Integer.getInteger("dlforge.llm.threads", Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs every product of {@code in}, its rows split into chunks over the threads. */
    public void multiply(MatInput in, Product... products) {
        for (Product p : products) {
            p.matrix().checkInput(in);
            p.matrix().prepare(in);
        }
        if (workers.length == 0) {
            for (Product p : products) {
                p.matrix().multiplyRows(in, p.out(), p.outOffset(), 0, p.matrix().rows());
            }
            return;
        }
        long totalRows = 0;
        for (Product p : products) {
            totalRows += p.matrix().rows();
        }
        int chunk = (int) Math.max(8, (totalRows + threads * 4L - 1) / (threads * 4L));
        List<Runnable> tasks = new ArrayList<>();
        for (Product p : products) {
            for (int from = 0; from < p.matrix().rows(); from += chunk) {
                int f = from;
                int t = Math.min(p.matrix().rows(), from + chunk);
                tasks.add(() -> p.matrix().multiplyRows(in, p.out(), p.outOffset(), f, t));
            }
        }
        run(tasks);
    }

    /** {@code body.accept(i)} for {@code 0 <= i < n}, over the threads. */
    public void parallelFor(int n, IntConsumer body) {
        if (workers.length == 0 || n == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        int parts = Math.min(n, threads * 4);
        List<Runnable> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            tasks.add(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
            });
        }
        run(tasks);
    }

    /** Runs {@code tasks} on the workers and this thread, each task taken by whoever is free; returns when all are done. */
    private void run(List<Runnable> tasks) {
        synchronized (this) {
            Job j = new Job(tasks);
            job = j;
            generation++;
            j.work();
            while (j.remaining.get() > 0) {
                Thread.onSpinWait();
            }
            job = null;
            if (j.failure != null) {
                throw j.failure instanceof RuntimeException r ? r : new IllegalStateException(j.failure);
            }
        }
    }

    /** One call's tasks: the next one to take, how many are unfinished, the first failure. */
    private static final class Job {
        final List<Runnable> tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger remaining;
        volatile Throwable failure;

        Job(List<Runnable> tasks) {
            this.tasks = tasks;
            this.remaining = new AtomicInteger(tasks.size());
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                try {
                    tasks.get(i).run();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    remaining.decrementAndGet();
                }
            }
        }
    }

    /**
     * A worker spins for the next job (OpenMP's active wait, as llama.cpp's threads do: a forward pass hands out
     * ~130 jobs per token, and a parked thread woken per job loses its time slice on a busy machine), and parks after
     * {@link #SPIN_NANOS} without one.
     */
    private void workerLoop() {
        int seen = 0;
        while (!closed) {
            long idleSince = System.nanoTime();
            while (generation == seen && !closed) {
                long idle = System.nanoTime() - idleSince;
                if (idle < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(idle < 100_000_000 ? 100_000 : 5_000_000); // idle a while: check less often
                }
            }
            seen = generation;
            Job j = job;
            if (j != null) {
                j.work();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
