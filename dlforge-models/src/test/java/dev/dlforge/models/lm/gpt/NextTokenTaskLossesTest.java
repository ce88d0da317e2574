package dev.dlforge.models.lm.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.models.lm.NextTokenTask;
import dev.dlforge.models.lm.TokenWindows;
import org.junit.jupiter.api.Test;

/**
 * A short training of a tiny GPT gives the losses that main's code gave before the step was shared
 * (issue 14): AdamW with decoupled decay, clipping and the next-token loss are unchanged.
 */
class NextTokenTaskLossesTest {
    /**
     * Per-step training losses of {@link #losses(double)} with the clip at 0.5, printed by this test on main at 552cb85 (before
     * {@code ParameterUpdate}). On the same machine they are reproduced to the bit; the tolerance of
     * four float ulps allows another CPU's kernels their last bits.
     */
    static final double[] MAIN_LOSSES = {
        1.6596056222915650, 1.5961624383926392, 1.5486198663711548, 1.4803481101989746,
        1.4267109632492065, 1.3911955356597900, 1.3354779481887817, 1.3010325431823730};

    /** Eight AdamW steps at 3e-3 with the gradient norm clipped to {@code clip} (0: not clipped), on the 0..4 cycle. */
    static double[] losses(double clip) {
        GptTrainConfig train = new GptTrainConfig(8, 8, 1, 4, 3e-3, 3e-4, 1, 0.1f, 0.9f, 0.99f, clip, 5);
        TokenWindows windows = new TokenWindows(GptTrainingTest.CYCLE, GptTrainingTest.TINY.blockSize(), train.batchSize(), 8, 5);
        double[] out = new double[8];
        try (NDManager m = Engines.newManager()) {
            Engines.seed(3);
            Gpt gpt = Gpt.create(GptTrainingTest.TINY, m);
            NextTokenTask task = train.task(gpt, m);
            for (int i = 0; i < out.length; i++) {
                try (NDManager batchManager = m.newSubManager()) {
                    out[i] = task.trainStep(windows.batch(0, i, batchManager), 3e-3).values().get("loss");
                }
            }
        }
        return out;
    }

    @Test
    void shortTrainingGivesMainsLosses() {
        double[] now = losses(0.5);
        assertThat(now).hasSameSizeAs(MAIN_LOSSES);
        for (int i = 0; i < now.length; i++) {
            assertThat(now[i]).as("loss of step %d", i).isCloseTo(MAIN_LOSSES[i], within(4.0 * Math.ulp((float) MAIN_LOSSES[i])));
        }
        assertThat(losses(0)[7]).as("the clip takes effect").isNotCloseTo(MAIN_LOSSES[7], within(1e-4));
    }
}
