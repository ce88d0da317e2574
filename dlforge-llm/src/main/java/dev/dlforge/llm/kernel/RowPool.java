package dev.dlforge.llm.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The threads that share a forward pass: matrix products split over rows (several products that read the same input
 * in one go: Q, K, V; gate, up), and loops over independent items (attention heads).
 *
 * <p>Threads: {@code -Ddlforge.llm.threads=N}, else every available processor. One thread runs everything inline.
 */
public final class RowPool implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

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
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
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
        if (pool == null) {
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
        if (pool == null || n == 1) {
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

    private void run(List<Runnable> tasks) {
        pool.invoke(new RecursiveAction() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void compute() {
                List<ForkJoinTask<?>> forked = new ArrayList<>(tasks.size());
                for (Runnable r : tasks) {
                    forked.add(ForkJoinTask.adapt(r));
                }
                invokeAll(forked);
            }
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
