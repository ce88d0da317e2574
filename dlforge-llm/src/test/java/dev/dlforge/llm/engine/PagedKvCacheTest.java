package dev.dlforge.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.llm.engine.PagedKvCache.PagedSequence;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedKvCacheTest {
    private static final int LAYERS = 2;
    private static final int KV_DIM = 8;
    /** Bytes of one 16-token block over both layers, keys and values. */
    private static final long BLOCK = 2L * LAYERS * KV_DIM * 4 * 16;

    private static int[] tokens(int from, int n) {
        return IntStream.range(from, from + n).toArray();
    }

    private static PagedSequence fed(PagedKvCache cache, int[] prefix, int[] feed) {
        PagedSequence s = cache.newSequence(prefix);
        s.reserve(feed.length);
        cache.keys(0)[s.row(s.length())] = 1f;
        s.commit(feed);
        return s;
    }

    @Test
    void theBudgetFixesTheBlockCountAndBytesPerToken() {
        PagedKvCache cache = new PagedKvCache(LAYERS, KV_DIM, 10 * BLOCK + 5);
        assertThat(cache.totalBlocks()).isEqualTo(10);
        assertThat(cache.freeBlocks()).isEqualTo(10);
        assertThat(cache.bytesPerToken()).isEqualTo(2L * LAYERS * KV_DIM * 4);
        assertThat(cache.keys(1)).hasSize(10 * 16 * KV_DIM);
        assertThatThrownBy(() -> new PagedKvCache(LAYERS, KV_DIM, BLOCK - 1)).hasMessageContaining("raise the budget");
    }

    @Test
    void aSequenceTakesBlocksAsItGrowsAndGivesThemBackOnRelease() {
        PagedKvCache cache = new PagedKvCache(LAYERS, KV_DIM, 4 * BLOCK);
        PagedSequence s = cache.newSequence(new int[0]);
        s.reserve(17);
        assertThat(s.blocks()).isEqualTo(2);
        assertThat(cache.freeBlocks()).isEqualTo(2);
        s.commit(tokens(100, 17));
        assertThat(s.length()).isEqualTo(17);
        s.reserve(15);
        assertThat(s.blocks()).as("positions 17..31 fit the second block").isEqualTo(2);
        Set<Integer> rows = new HashSet<>();
        for (int p = 0; p < 32; p++) {
            rows.add(s.row(p));
        }
        assertThat(rows).hasSize(32);
        s.release();
        s.release();
        assertThat(cache.freeBlocks()).isEqualTo(4);
        assertThatThrownBy(() -> s.reserve(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runningOutOfBlocksTakesNothingAndSaysWhatToDo() {
        PagedKvCache cache = new PagedKvCache(LAYERS, KV_DIM, 2 * BLOCK);
        PagedSequence a = cache.newSequence(null);
        a.reserve(20);
        PagedSequence b = cache.newSequence(null);
        assertThatThrownBy(() -> b.reserve(17)).isInstanceOf(KvCache.OutOfBlocks.class).hasMessageContaining("raise the KV-cache budget");
        assertThat(b.blocks()).isZero();
        assertThat(cache.freeBlocks()).isEqualTo(0);
        a.release();
        b.reserve(17);
        assertThat(b.blocks()).isEqualTo(2);
    }

    @Test
    void aNewSequenceSharesTheFullBlocksOfACachedPrefixButNeverItsLastToken() {
        PagedKvCache cache = new PagedKvCache(LAYERS, KV_DIM, 8 * BLOCK);
        int[] prompt = tokens(0, 40);
        PagedSequence first = fed(cache, new int[0], prompt);
        assertThat(cache.freeBlocks()).isEqualTo(5);

        int[] longer = tokens(0, 50);
        PagedSequence second = cache.newSequence(longer);
        assertThat(second.reusedPrefix()).isEqualTo(32);
        assertThat(second.length()).isEqualTo(32);
        assertThat(second.row(5)).isEqualTo(first.row(5));
        assertThat(second.row(31)).isEqualTo(first.row(31));
        assertThat(cache.freeBlocks()).as("shared blocks take nothing from the pool").isEqualTo(5);

        second.reserve(18);
        assertThat(second.row(32)).as("the shared prefix is never written: position 32 is in a block of its own").isNotEqualTo(first.row(32));
        second.commit(java.util.Arrays.copyOfRange(longer, 32, 50));

        assertThat(cache.newSequence(tokens(0, 32)).reusedPrefix()).as("a 32-token prompt leaves its last block to compute").isEqualTo(16);
        assertThat(cache.newSequence(tokens(1, 40)).reusedPrefix()).as("another first block shares nothing").isZero();
        int[] differentSecondBlock = tokens(0, 40);
        differentSecondBlock[20] = 999;
        assertThat(cache.newSequence(differentSecondBlock).reusedPrefix()).isEqualTo(16);
    }

    @Test
    void sharedBlocksReturnToThePoolWhenTheirLastUserLeavesAndStayReusableUntilEvicted() {
        PagedKvCache cache = new PagedKvCache(LAYERS, KV_DIM, 4 * BLOCK);
        PagedSequence a = fed(cache, new int[0], tokens(0, 33));
        PagedSequence b = cache.newSequence(tokens(0, 40));
        assertThat(b.reusedPrefix()).isEqualTo(32);
        a.release();
        assertThat(cache.freeBlocks()).as("b still holds the two shared blocks").isEqualTo(2);
        b.release();
        assertThat(cache.freeBlocks()).isEqualTo(4);

        PagedSequence c = cache.newSequence(tokens(0, 40));
        assertThat(c.reusedPrefix()).as("released prefix blocks stay cached").isEqualTo(32);
        c.release();

        PagedSequence hog = cache.newSequence(null);
        hog.reserve(64);
        hog.commit(tokens(500, 64));
        hog.release();
        assertThat(cache.newSequence(tokens(0, 40)).reusedPrefix()).as("evicted for the hog, then replaced by its blocks").isZero();
        assertThat(cache.newSequence(tokens(500, 64)).reusedPrefix()).isEqualTo(48);
    }
}
