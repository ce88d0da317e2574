package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class Word2VecTest {

    /** Sentences drawn from one of two disjoint word groups: words only meet their own group. */
    static List<List<String>> twoTopics(long seed, int sentences) {
        Random random = new Random(seed);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            String group = random.nextBoolean() ? "sea" : "farm";
            List<String> s = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                s.add(group + random.nextInt(10));
            }
            out.add(s);
        }
        return out;
    }

    @Test
    void wordsThatShareContextsBecomeNeighbours() {
        Word2VecConfig config = new Word2VecConfig(20, 3, 5, 5, 3, 0, 0.025, 1, 7);
        Word2Vec.Result result = Word2Vec.train(twoTopics(1, 3000), config);
        WordVectors v = result.vectors();
        assertThat(v.size()).isEqualTo(20);
        assertThat(result.processedWords()).isEqualTo(3L * 30_000);
        for (String probe : List.of("sea0", "sea7", "farm3", "farm9")) {
            String group = probe.replaceAll("\\d", "");
            assertThat(v.nearest(probe, 9)).as("neighbours of %s", probe)
                    .allSatisfy(s -> assertThat(s.word()).startsWith(group));
            String other = group.equals("sea") ? "farm1" : "sea1";
            assertThat(v.similarity(probe, v.nearest(probe, 1).get(0).word())).isGreaterThan(v.similarity(probe, other) + 0.3);
        }
    }

    @Test
    void oneThreadWithTheSameSeedIsReproducible() {
        Word2VecConfig config = new Word2VecConfig(10, 2, 3, 1, 1, 1e-3, 0.025, 1, 3);
        List<List<String>> corpus = twoTopics(2, 300);
        WordVectors a = Word2Vec.train(corpus, config).vectors();
        WordVectors b = Word2Vec.train(corpus, config).vectors();
        assertThat(a.vector("sea3")).containsExactly(b.vector("sea3"));
        WordVectors c = Word2Vec.train(corpus, new Word2VecConfig(10, 2, 3, 1, 1, 1e-3, 0.025, 1, 4)).vectors();
        assertThat(c.vector("sea3")).isNotEqualTo(a.vector("sea3"));
    }

    @Test
    void unigramTableFollowsCountsToThePowerThreeQuarters() {
        int[] table = Word2Vec.unigramTable(new long[] {16, 1});
        long zeros = java.util.Arrays.stream(table).filter(i -> i == 0).count();
        assertThat(zeros / (double) table.length).isCloseTo(8.0 / 9.0, org.assertj.core.api.Assertions.within(1e-4));
    }
}
