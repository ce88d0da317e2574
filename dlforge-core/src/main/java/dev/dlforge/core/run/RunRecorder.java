package dev.dlforge.core.run;

import ai.djl.nn.Block;
import dev.dlforge.core.model.ModelArtifact;
import dev.dlforge.core.model.ModelCard;
import dev.dlforge.core.train.EpochRecord;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a run folder in step with training: {@code history.csv} after every epoch, the model of
 * each epoch the trainer marks best into {@code model/}, and the stop in {@code run.json}.
 */
public final class RunRecorder implements TrainingListener {
    private final RunDir run;
    private final ModelCard card;
    private final Block block;
    private final List<EpochRecord> history;

    /** {@code resumed} is where training starts from; its finished epochs stay in the history. */
    public RunRecorder(RunDir run, ModelCard card, Block block, TrainerState resumed) {
        this.run = run;
        this.card = card;
        this.block = block;
        this.history = new ArrayList<>(resumed.history());
    }

    @Override
    public void onEpochEnd(EpochRecord record, boolean best) {
        history.add(record);
        try {
            HistoryCsv.write(run.historyCsv(), history);
            if (best) {
                ModelArtifact.save(run.model(), card, block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update run " + run.path() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEnd(Trainer.Outcome outcome) {
        // Recorded here rather than after fit(): on Ctrl-C the JVM exits once listeners have run.
        if (outcome.status() == Trainer.Status.STOPPED) {
            run.writeInfo(run.info().with("stopped", Map.of(), "stopped at epoch "
                    + (outcome.state().epoch() + 1) + ", batch " + outcome.state().batch()));
        }
    }
}
