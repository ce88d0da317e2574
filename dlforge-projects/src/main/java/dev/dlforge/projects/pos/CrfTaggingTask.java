package dev.dlforge.projects.pos;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.dlforge.core.optim.Optimizer;
import dev.dlforge.core.optim.ParameterUpdate;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.Batch;
import dev.dlforge.core.train.StepResult;
import dev.dlforge.core.train.TrainingTask;
import dev.dlforge.models.text.BiLstmTagger;
import dev.dlforge.models.text.Crf;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of BiLSTM-CRF training: emissions from the tagger, the CRF's negative log-likelihood
 * summed over the batch's sentences and divided by its tokens (a per-token loss, so the learning rate
 * does not depend on sentence length), backward, gradient clipping, Adam. Token accuracy comes from
 * Viterbi decoding of the same emissions.
 */
final class CrfTaggingTask implements TrainingTask {
    private final BiLstmTagger tagger;
    private final ParameterUpdate update;
    private final ParameterStore store;

    CrfTaggingTask(BiLstmTagger tagger, TrainableParameters params, Optimizer optimizer, double clipNorm, NDManager manager) {
        this.tagger = tagger;
        this.update = new ParameterUpdate(tagger, params, optimizer, clipNorm);
        this.store = new ParameterStore(manager, false);
    }

    @Override
    public StepResult trainStep(Batch batch, double learningRate) {
        ParameterUpdate.Pass<NDArray> pass = update.step(learningRate, () -> {
            NDArray emissions = emissions(batch, true);
            return new ParameterUpdate.Pass<>(emissions, loss(batch, emissions, true));
        });
        return result(batch, pass.output(), pass.loss());
    }

    @Override
    public StepResult evalStep(Batch batch) {
        NDArray emissions = emissions(batch, false);
        return result(batch, emissions, loss(batch, emissions, false));
    }

    private NDArray emissions(Batch batch, boolean training) {
        NDList in = batch.inputs();
        return tagger.forward(store, new NDList(in.get(0), in.get(1), in.get(2)), training).head();  // (B, T, K)
    }

    private NDArray loss(Batch batch, NDArray emissions, boolean training) {
        NDArray nll = tagger.crf().negativeLogLikelihood(store, emissions, batch.labels().head(), batch.inputs().get(3), training); // (B)
        return nll.sum().div(batch.size());
    }

    private StepResult result(Batch batch, NDArray emissions, NDArray loss) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", (double) loss.getFloat());
        values.put("accuracy", correct(tagger.crf().scores(), emissions, batch) / (double) batch.size());
        return new StepResult(batch.size(), values);
    }

    /** Tokens whose Viterbi tag equals the gold tag. */
    static long correct(Crf.Scores scores, NDArray emissions, Batch batch) {
        int b = (int) emissions.getShape().get(0);
        int t = (int) emissions.getShape().get(1);
        int k = (int) emissions.getShape().get(2);
        float[] e = emissions.toFloatArray();
        float[] mask = batch.inputs().get(3).toFloatArray();
        int[] gold = batch.labels().head().toIntArray();
        long correct = 0;
        for (int r = 0; r < b; r++) {
            int n = 0;
            while (n < t && mask[r * t + n] > 0) {
                n++;
            }
            float[] row = new float[n * k];
            System.arraycopy(e, r * t * k, row, 0, n * k);
            int[] path = Crf.viterbi(scores, row, n);
            for (int i = 0; i < n; i++) {
                if (path[i] == gold[r * t + i]) {
                    correct++;
                }
            }
        }
        return correct;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        update.writeState(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        update.readState(in);
    }
}
