package dev.dlforge.core.run;

import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.train.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The rows of a history file, each as column -> value (empty cells left out), oldest first. */
    public static List<Map<String, Double>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Map<String, Double>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.length, cells.length); i++) {
                if (!cells[i].isEmpty()) {
                    try {
                        row.put(header[i], Double.parseDouble(cells[i]));
                    } catch (NumberFormatException e) {
                        throw new IOException(file + " line " + (rows.size() + 2) + ": '" + cells[i] + "' is not a number");
                    }
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
