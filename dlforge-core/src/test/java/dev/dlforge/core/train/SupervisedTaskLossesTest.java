package dev.dlforge.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.testing.TestBlocks;
import dev.dlforge.core.testing.TwoBlobs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short training of a tiny MLP gives the losses that main's code gave before the step was shared
 * (issue 14): the step's arithmetic, clipping included, is unchanged.
 */
class SupervisedTaskLossesTest {
    /**
     * Per-step training losses of {@link #losses(double)} with the clip at 0.5, printed by this test on main at 552cb85 (before
     * {@code ParameterUpdate}). On the same machine they are reproduced to the bit; the tolerance of
     * four float ulps allows another CPU's kernels their last bits (clipping alone moves step 2 by 15 ulps).
     */
    static final double[] MAIN_LOSSES = {
        0.48025068640708923, 0.31269508600234985, 0.17482101917266846, 0.32069811224937440, 0.50101757049560550,
        0.12216269224882126, 0.32593694329261780, 0.20219208300113678, 0.20571374893188477, 0.044083870947360990};

    /** Ten steps of Adam at 0.01 with the gradient norm clipped to {@code clip} (0: not clipped), on two Gaussian blobs. */
    static double[] losses(double clip) {
        TwoBlobs data = new TwoBlobs(8, 16, 10, 4);
        double[] out = new double[data.batches()];
        try (NDManager m = Engines.newManager()) {
            Block block = TestBlocks.mlp(m, 8, 16, 2, 21);
            TrainableParameters params = TrainableParameters.of(block);
            SupervisedTask task = new SupervisedTask(block, params, Loss.softmaxCrossEntropyLoss(),
                    new Adam(params, Adam.Config.defaults()), List.of(BatchMetric.accuracy()), clip, m);
            for (int i = 0; i < out.length; i++) {
                try (NDManager batchManager = m.newSubManager()) {
                    out[i] = task.trainStep(data.batch(0, i, batchManager), 0.01).values().get("loss");
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
        assertThat(losses(0)[9]).as("the clip takes effect").isNotCloseTo(MAIN_LOSSES[9], within(1e-4));
    }
}
