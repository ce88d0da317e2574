package dev.dlforge.llm.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.llm.engine.DecoderModel;
import dev.dlforge.llm.sample.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduler over a real (bigram) model: batching changes no output, and the batch is shared as the class says. */
class SchedulerTest {
    static final List<String> SENTENCES = List.of("the cat sat on the mat.", "a dog ran in the park.", "the sun is warm today.",
            "we went to the sea and swam.", "it rained on the hills all night.");
    private static final int BLOCK = 4;

    static BigramModel model(int context) {
        return new BigramModel(SENTENCES, BLOCK, context);
    }

    private static int[] ids(String text) {
        return new ByteTokenizer().encode(text, false, false);
    }

    private static GenerationRequest greedy(String prompt, int maxTokens, String... stop) {
        return new GenerationRequest(ids(prompt), SamplingParams.GREEDY, maxTokens, List.of(stop));
    }

    private static String alone(String prompt, int maxTokens, String... stop) throws Exception {
        try (Scheduler s = new Scheduler(model(512), new SchedulerConfig(8, 1, 64, 1 << 16))) {
            Collected c = new Collected();
            s.submit(greedy(prompt, maxTokens, stop), c);
            c.await();
            return c.text.toString();
        }
    }

    @Test
    void concurrentStreamsGetWhatEachGetsAlone() throws Exception {
        List<String> prompts = List.of("the ", "a d", "we went", "it rained on", "sun");
        List<String> expected = new ArrayList<>();
        for (String p : prompts) {
            expected.add(alone(p, 30));
        }
        try (Scheduler s = new Scheduler(model(512), new SchedulerConfig(8, 4, 16, 1 << 16))) {
            List<Collected> all = new ArrayList<>();
            for (String p : prompts) {
                Collected c = new Collected();
                s.submit(greedy(p, 30), c);
                all.add(c);
            }
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(all.get(i).await().reason()).isIn(FinishReason.STOP, FinishReason.LENGTH);
                assertThat(all.get(i).text.toString()).as(prompts.get(i)).isEqualTo(expected.get(i));
            }
            assertThat(expected).allSatisfy(t -> assertThat(t).isNotEmpty());
            assertThat(s.stats().freeBlocks()).isEqualTo(s.stats().totalBlocks());
        }
    }

    @Test
    void longPromptIsPrefilledInChunksWhileAnotherStreamDecodes() throws Exception {
        try (Scheduler s = new Scheduler(model(1024), new SchedulerConfig(8, 4, 8, 1 << 16))) {
            List<List<DecoderModel.Step>> iterations = new CopyOnWriteArrayList<>();
            // The first decoding iteration waits until the long prompt is queued: on a fast machine the bigram model
            // could otherwise decode all 200 tokens before the test thread submits it (seen in a clean-clone CI run).
            CountDownLatch longPromptQueued = new CountDownLatch(1);
            s.observe(steps -> {
                iterations.add(List.copyOf(steps));
                if (steps.size() == 1 && steps.get(0).tokens().length == 1) {
                    try {
                        longPromptQueued.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Collected decoding = new Collected();
            // a stream that cannot end before its 200 tokens (its end-of-text token is not allowed)
            s.submit(new GenerationRequest(ids("the "), SamplingParams.GREEDY, 200, List.of(), id -> id != ByteTokenizer.EOS), decoding);
            decoding.firstToken.get(10, TimeUnit.SECONDS);
            iterations.clear(); // from here on it only decodes
            Collected longPrompt = new Collected();
            s.submit(greedy("we went to the sea and swam. ".repeat(6), 3), longPrompt);
            longPromptQueued.countDown();
            longPrompt.await();
            decoding.await();
            int chunks = 0;
            for (List<DecoderModel.Step> steps : iterations) {
                if (steps.stream().anyMatch(st -> st.tokens().length > 1)) {
                    chunks++;
                    // the decoding stream got its token in the same iteration, and the chunk kept within the budget
                    assertThat(steps).hasSize(2);
                    assertThat(steps.get(0).tokens()).hasSize(1);
                    assertThat(steps.get(1).tokens().length).isLessThanOrEqualTo(7);
                }
            }
            assertThat(chunks).as("iterations that prefilled a part of the 174-token prompt").isGreaterThanOrEqualTo(174 / 7);
        }
    }

    @Test
    void aSharedPromptPrefixIsNotComputedAgain() throws Exception {
        BigramModel model = model(512);
        String system = "you are a helpful assistant who answers briefly. ";
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(8, 4, 64, 1 << 16))) {
            Collected first = new Collected();
            Generation firstRun = s.submit(greedy(system + "the cat", 400), first);
            first.firstToken.get(10, TimeUnit.SECONDS);
            long before = model.tokensFed;
            Collected second = new Collected();
            s.submit(greedy(system + "a dog", 5), second);
            GenerationListener.Finish done = second.await();
            firstRun.cancel();
            first.await();
            int whole = ids(system).length / BLOCK * BLOCK;
            assertThat(done.cachedPromptTokens()).isEqualTo(whole);
            assertThat(s.stats().reusedTokens()).isEqualTo(whole);
            assertThat(second.text.toString()).isEqualTo(alone(system + "a dog", 5));
            assertThat(before).isPositive();
        }
    }

    @Test
    void aCancelledSequenceGivesItsBlocksBackAtOnce() throws Exception {
        try (Scheduler s = new Scheduler(model(4096), new SchedulerConfig(8, 4, 64, 1 << 16))) {
            Collected c = new Collected();
            Generation g = s.submit(greedy("it rained on the hills", 4000), c);
            c.firstToken.get(10, TimeUnit.SECONDS);
            assertThat(s.stats().freeBlocks()).isLessThan(s.stats().totalBlocks());
            g.cancel();
            assertThat(c.await().reason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(s.stats().freeBlocks()).isEqualTo(s.stats().totalBlocks());
            assertThat(s.stats().running()).isZero();
        }
    }

    @Test
    void aFullQueueRefusesTheNextRequest() throws Exception {
        try (Scheduler s = new Scheduler(model(4096), new SchedulerConfig(1, 1, 64, 1 << 16))) {
            Collected running = new Collected();
            Generation a = s.submit(greedy("the ", 4000), running);
            Collected queued = new Collected();
            Generation b = s.submit(greedy("a ", 4000), queued);
            assertThatThrownBy(() -> s.submit(greedy("we ", 5), new Collected())).isInstanceOf(QueueFullException.class)
                    .hasMessageContaining("1 requests are already waiting");
            b.cancel(); // a queued request leaves the queue at once
            assertThat(queued.await().reason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(queued.tokens).isEmpty();
            Collected third = new Collected();
            s.submit(greedy("we ", 5), third);
            a.cancel();
            assertThat(third.await().reason()).isIn(FinishReason.STOP, FinishReason.LENGTH);
        }
    }

    @Test
    void sequencesArePreemptedAndRecomputedWhenBlocksRunOut() throws Exception {
        String p1 = "the cat sat on";
        String p2 = "it rained on the";
        String e1 = alone(p1, 60);
        String e2 = alone(p2, 60);
        assertThat(e1.length()).isGreaterThan(40);
        assertThat(e2.length()).isGreaterThan(40);
        // 24 blocks of 4 tokens: room for one sequence of over 54 tokens, not for two. Both requests are queued
        // before the first forward pass ends, so that they run together (else, on a busy machine, the first could
        // finish before the second arrives and nothing would be pre-empted).
        BigramModel model = model(512);
        CountDownLatch bothQueued = new CountDownLatch(1);
        model.holdForwardsUntil(bothQueued);
        try (Scheduler s = new Scheduler(model, new SchedulerConfig(8, 2, 64, 24 * BLOCK * Integer.BYTES))) {
            Collected c1 = new Collected();
            Collected c2 = new Collected();
            s.submit(greedy(p1, 60), c1);
            s.submit(greedy(p2, 60), c2);
            bothQueued.countDown();
            c1.await();
            c2.await();
            assertThat(c1.text.toString()).isEqualTo(e1);
            assertThat(c2.text.toString()).isEqualTo(e2);
            assertThat(s.stats().preemptions()).isPositive();
            assertThat(s.stats().freeBlocks()).isEqualTo(24);
        }
    }

    @Test
    void nothingAtOrAfterAStopTextReachesTheListener() throws Exception {
        String free = alone("the ", 60);
        String stop = free.substring(5, 8);
        int cut = free.indexOf(stop);
        try (Scheduler s = new Scheduler(model(512), new SchedulerConfig(8, 1, 64, 1 << 16))) {
            Collected c = new Collected();
            s.submit(greedy("the ", 60, stop), c);
            assertThat(c.await().reason()).isEqualTo(FinishReason.STOP);
            assertThat(c.text.toString()).isEqualTo(free.substring(0, cut)).doesNotContain(stop);
            assertThat(String.join("", c.tokens.stream().map(GenerationListener.Token::text).toList())).isEqualTo(free.substring(0, cut));
        }
    }

    @Test
    void theSameSeedGivesTheSameSampleAndTopLogprobsAreSorted() throws Exception {
        SamplingParams hot = new SamplingParams(1.5, 0.95, 42, 0, 0, 3);
        List<String> texts = new ArrayList<>();
        try (Scheduler s = new Scheduler(model(512), new SchedulerConfig(8, 4, 64, 1 << 16))) {
            for (long seed : new long[] {42, 42, 7}) {
                Collected c = new Collected();
                s.submit(new GenerationRequest(ids("the "), new SamplingParams(1.5, 0.95, seed, 0, 0, 3), 40, List.of()), c);
                c.await();
                texts.add(c.text.toString());
                assertThat(c.tokens).allSatisfy(t -> {
                    assertThat(t.top()).hasSize(3);
                    assertThat(t.top().get(0).logprob()).isGreaterThanOrEqualTo(t.top().get(2).logprob());
                    assertThat(t.logprob()).isLessThanOrEqualTo(0);
                });
            }
        }
        assertThat(texts.get(0)).isEqualTo(texts.get(1)).isNotEqualTo(texts.get(2));
        assertThat(hot.topLogprobs()).isEqualTo(3);
    }
}
