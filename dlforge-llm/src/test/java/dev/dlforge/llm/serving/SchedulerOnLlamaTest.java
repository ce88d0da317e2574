package dev.dlforge.llm.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.model.RandomLlamaGguf;
import dev.dlforge.llm.sample.SamplingParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler over the real engine (a tiny random-weight Llama GGUF, its PagedKvCache): batching changes no token. */
class SchedulerOnLlamaTest {
    @TempDir
    static Path dir;
    private static ServingModel model;

    @BeforeAll
    static void open() throws Exception {
        Path gguf = dir.resolve("tiny.gguf");
        RandomLlamaGguf.write(RandomLlamaGguf.Spec.tiny(GgmlType.Q8_0), gguf);
        model = ServingModel.open(gguf, 2);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static int[] prompt(int length, int seed) {
        int[] ids = new int[length];
        ids[0] = RandomLlamaGguf.BOS;
        for (int i = 1; i < length; i++) {
            ids[i] = RandomLlamaGguf.FIRST_PIECE + (seed * 31 + i * 7) % 50;
        }
        return ids;
    }

    private static List<Integer> ids(Collected c) {
        return c.tokens.stream().map(GenerationListener.Token::id).toList();
    }

    private static GenerationRequest greedy(int[] prompt, int max) {
        return new GenerationRequest(prompt, SamplingParams.GREEDY, max, List.of(), id -> id != RandomLlamaGguf.EOS);
    }

    private static List<Integer> alone(int[] prompt, int max) throws Exception {
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(4, 1, 256, 4L << 20))) {
            Collected c = new Collected();
            s.submit(greedy(prompt, max), c);
            c.await();
            return ids(c);
        }
    }

    @Test
    void batchedChunkedStreamsGetTheTokensEachGetsAlone() throws Exception {
        List<int[]> prompts = List.of(prompt(5, 1), prompt(40, 2), prompt(70, 3), prompt(12, 4));
        List<List<Integer>> expected = new ArrayList<>();
        for (int[] p : prompts) {
            expected.add(alone(p, 12));
        }
        // a budget of 24 tokens: the 70-token prompt is prefilled in chunks while the others decode
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(8, 4, 24, 4L << 20))) {
            List<Collected> all = new ArrayList<>();
            for (int[] p : prompts) {
                Collected c = new Collected();
                s.submit(greedy(p, 12), c);
                all.add(c);
            }
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(all.get(i).await().reason()).isEqualTo(FinishReason.LENGTH);
                assertThat(ids(all.get(i))).as("prompt %d", i).isEqualTo(expected.get(i));
            }
            assertThat(s.stats().freeBlocks()).isEqualTo(s.stats().totalBlocks());
        }
    }

    @Test
    void aSharedSystemPromptIsReadFromTheCacheAndChangesNoToken() throws Exception {
        int[] system = prompt(48, 9);
        int[] a = java.util.Arrays.copyOf(system, 53);
        int[] b = java.util.Arrays.copyOf(system, 55);
        for (int i = 48; i < 55; i++) {
            b[i] = RandomLlamaGguf.FIRST_PIECE + i % 60;
            if (i < 53) {
                a[i] = RandomLlamaGguf.FIRST_PIECE + (2 * i) % 60;
            }
        }
        List<Integer> expected = alone(b, 8);
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(8, 4, 256, 4L << 20))) {
            Collected first = new Collected();
            Generation g = s.submit(greedy(a, 200), first);
            first.firstToken.get(30, TimeUnit.SECONDS);
            Collected second = new Collected();
            s.submit(greedy(b, 8), second);
            GenerationListener.Finish f = second.await();
            g.cancel();
            first.await();
            assertThat(f.cachedPromptTokens()).isEqualTo(48); // three full 16-token blocks
            assertThat(ids(second)).isEqualTo(expected);
        }
    }

    @Test
    void aCancelledStreamFreesItsBlocksAndTheOthersGoOn() throws Exception {
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(8, 4, 256, 4L << 20))) {
            Collected cancelled = new Collected();
            Collected other = new Collected();
            Generation g = s.submit(greedy(prompt(30, 5), 200), cancelled);
            s.submit(greedy(prompt(20, 6), 30), other);
            cancelled.firstToken.get(30, TimeUnit.SECONDS);
            g.cancel();
            assertThat(cancelled.await().reason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(other.await().reason()).isEqualTo(FinishReason.LENGTH);
            assertThat(ids(other)).isEqualTo(alone(prompt(20, 6), 30));
            assertThat(s.stats().freeBlocks()).isEqualTo(s.stats().totalBlocks());
            assertThat(s.stats().cancellations()).isEqualTo(1);
        }
    }

    @Test
    void withTooFewBlocksSequencesArePreemptedAndStillGetTheirTokens() throws Exception {
        int[] p1 = prompt(40, 7);
        int[] p2 = prompt(40, 8);
        List<Integer> e1 = alone(p1, 40);
        List<Integer> e2 = alone(p2, 40);
        long perBlock = 16 * model.newCache(1 << 20).bytesPerToken();
        // 8 blocks hold one 80-token sequence (5 blocks), not two
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(8, 2, 256, 8 * perBlock))) {
            Collected c1 = new Collected();
            Collected c2 = new Collected();
            s.submit(greedy(p1, 40), c1);
            s.submit(greedy(p2, 40), c2);
            c1.await();
            c2.await();
            assertThat(ids(c1)).isEqualTo(e1);
            assertThat(ids(c2)).isEqualTo(e2);
            assertThat(s.stats().preemptions()).isPositive();
        }
    }
}
