package dev.dlforge.core.run;

import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Per-epoch metrics as CSV, one row per epoch: epoch, lr, seconds, RSS, then every metric seen. */
public final class HistoryCsv {
    private HistoryCsv() {}

    public static void write(Path file, List<EpochRecord> history) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        history.forEach(r -> columns.addAll(r.metrics().keySet()));
        StringBuilder csv = new StringBuilder("epoch,learning_rate,seconds,rss_mb");
        columns.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
        for (EpochRecord r : history) {
            csv.append(r.epoch()).append(',').append(String.format(Locale.ROOT, "%.6g", r.learningRate()))
                    .append(',').append(String.format(Locale.ROOT, "%.2f", r.seconds()))
                    .append(',').append(String.format(Locale.ROOT, "%.0f", r.rssMegabytes()));
            for (String c : columns) {
                Double v = r.metrics().get(c);
                csv.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6f", v));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }
}
