package dev.dlforge.serve.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    private Function<List<Integer>, List<Integer>> doubler() {
        return batch -> {
            batchSizes.add(batch.size());
            return batch.stream().map(x -> 2 * x).toList();
        };
    }

    @Test
    void requestsArrivingTogetherRunAsOneBatchAndEachCallerGetsItsOwnAnswer() throws Exception {
        try (var batcher = new DynamicBatcher<>("m", doubler(), new BatchingConfig(8, 200, 64), BatchObserver.NONE)) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(batcher.submit(i));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(2 * i);
            }
        }
        assertThat(batchSizes).allMatch(n -> n <= 8);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(batchSizes).hasSizeLessThanOrEqualTo(4); // 20 queued at once fill batches of 8, 8, 4 (or close)
    }

    @Test
    void maxBatchOneRunsEveryRequestAlone() throws Exception {
        try (var batcher = new DynamicBatcher<>("m", doubler(), new BatchingConfig(1, 50, 64), BatchObserver.NONE)) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(batcher.submit(i));
            }
            for (CompletableFuture<Integer> a : answers) {
                a.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(batchSizes).hasSize(10).containsOnly(1);
    }

    @Test
    void aLoneRequestWaitsNoLongerThanTheDelay() throws Exception {
        try (var batcher = new DynamicBatcher<>("m", doubler(), new BatchingConfig(32, 20, 64), BatchObserver.NONE)) {
            long start = System.nanoTime();
            assertThat(batcher.submit(21).get(5, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat((System.nanoTime() - start) / 1e6).isLessThan(2_000); // 20 ms plus scheduling, never the 32-request wait
        }
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Function<List<Integer>, List<Integer>> blocked = batch -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch;
        };
        try (var batcher = new DynamicBatcher<>("m", blocked, new BatchingConfig(1, 0, 2), BatchObserver.NONE)) {
            CompletableFuture<Integer> first = batcher.submit(1);
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue(); // the worker holds it: the queue is empty again
            CompletableFuture<Integer> second = batcher.submit(2);
            CompletableFuture<Integer> third = batcher.submit(3);
            assertThat(batcher.queueDepth()).isEqualTo(2);
            assertThatThrownBy(() -> batcher.submit(4)).isInstanceOf(QueueFullException.class).hasMessageContaining("2 requests waiting");
            release.countDown();
            assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS), third.get(5, TimeUnit.SECONDS)))
                    .containsExactly(1, 2, 3);
        }
    }

    @Test
    void aFailingBatchFailsItsCallersAndTheWorkerCarriesOn() throws Exception {
        Function<List<Integer>, List<Integer>> fragile = batch -> {
            if (batch.contains(13)) {
                throw new IllegalStateException("unlucky");
            }
            return batch;
        };
        try (var batcher = new DynamicBatcher<>("m", fragile, new BatchingConfig(1, 0, 8), BatchObserver.NONE)) {
            CompletableFuture<Integer> bad = batcher.submit(13);
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasMessageContaining("unlucky");
            assertThat(batcher.submit(7).get(5, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }

    @Test
    void aModelGivingTheWrongNumberOfOutputsFailsTheBatch() {
        try (var batcher = new DynamicBatcher<Integer, Integer>("m", batch -> List.of(), new BatchingConfig(4, 0, 8), BatchObserver.NONE)) {
            CompletableFuture<Integer> answer = batcher.submit(1);
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasMessageContaining("0 outputs for 1 inputs");
        }
    }

    @Test
    void requestsWhoseCallerGaveUpAreNotRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Function<List<Integer>, List<Integer>> gated = batch -> {
            batchSizes.add(batch.size());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch;
        };
        try (var batcher = new DynamicBatcher<>("m", gated, new BatchingConfig(1, 0, 8), BatchObserver.NONE)) {
            CompletableFuture<Integer> first = batcher.submit(1);
            CompletableFuture<Integer> abandoned = batcher.submit(2);
            abandoned.cancel(false);
            CompletableFuture<Integer> third = batcher.submit(3);
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            third.get(5, TimeUnit.SECONDS);
        }
        assertThat(batchSizes).hasSize(2);
    }

    @Test
    void closingAnswersWhatIsQueuedAndRefusesNewRequests() throws Exception {
        var batcher = new DynamicBatcher<>("m", doubler(), new BatchingConfig(4, 1_000, 64), BatchObserver.NONE);
        CompletableFuture<Integer> queued = batcher.submit(5);
        batcher.close();
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThatThrownBy(() -> batcher.submit(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
    }

    @Test
    void observerSeesEveryBatch() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        try (var batcher = new DynamicBatcher<>("m", doubler(), new BatchingConfig(2, 0, 8), (size, seconds) -> seen.add(size))) {
            batcher.submit(1).get(5, TimeUnit.SECONDS);
        }
        assertThat(seen).containsExactly(1);
    }
}
