package dev.dlforge.core.train;

import dev.dlforge.core.progress.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import me.tongfei.progressbar.ProgressBar;

/**
 * Training progress on the console: a bar per epoch (batch, loss, metric, examples/s, ETA) and one
 * summary line per finished epoch.
 */
public final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private ProgressBar bar;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches, int firstBatch) {
        bar = Progress.bar(String.format("epoch %d/%d", epoch + 1, epochs), batches, firstBatch, "", 1);
    }

    @Override
    public void onBatch(BatchProgress p) {
        StringJoiner extra = new StringJoiner(" ");
        p.runningMeans().forEach((k, v) -> extra.add(abbreviate(k) + " " + format(v)));
        extra.add(String.format(Locale.ROOT, "lr %.2e", p.learningRate()));
        extra.add(String.format(Locale.ROOT, "%.0f ex/s", p.examplesPerSecond()));
        bar.stepTo(p.batch() + 1);
        bar.setExtraMessage(extra.toString());
    }

    @Override
    public void onEpochEnd(EpochRecord record, boolean best) {
        closeBar();
        out.println(summary(record) + (best ? "  (best)" : ""));
    }

    @Override
    public void onEnd(Trainer.Outcome outcome) {
        closeBar();
        if (outcome.status() == Trainer.Status.STOPPED) {
            out.println("stopped at epoch " + (outcome.state().epoch() + 1) + ", batch " + outcome.state().batch()
                    + "; resume with --resume");
        } else if (outcome.status() == Trainer.Status.EARLY_STOPPED) {
            out.println("early stop: no improvement for " + outcome.state().epochsSinceBest() + " epochs");
        }
    }

    /** One line such as {@code epoch 3  train_loss 0.2810  val_accuracy 0.9120  41.2s  rss 812 MB}. */
    public static String summary(EpochRecord r) {
        StringJoiner line = new StringJoiner("  ");
        line.add("epoch " + r.epoch());
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            line.add(e.getKey() + " " + format(e.getValue()));
        }
        line.add(String.format(Locale.ROOT, "%.1fs", r.seconds()));
        if (!Double.isNaN(r.rssMegabytes())) {
            line.add(String.format(Locale.ROOT, "rss %.0f MB", r.rssMegabytes()));
        }
        return line.toString();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String abbreviate(String metric) {
        return metric.equals("accuracy") ? "acc" : metric;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
