package dev.dlforge.bench;

import dev.dlforge.core.engine.ProcessMemory;
import dev.dlforge.core.plot.CurvePlot;
import dev.dlforge.serve.load.StudioTrainings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dlforge bench studio-memory}: trainings one after another through a studio's HTTP API (the
 * newcomer's mix of small digits, fashion, spam and pos runs), with the studio's resident memory
 * after each. The target: resident memory after the last training within {@link #ALLOWED_GROWTH_MB}
 * of what it was after the 2nd (the first trainings load the engine, the datasets and the code).
 */
public final class StudioMemoryBenchmark {
    /** The growth allowed from the 2nd training to the last, MiB (as in StudioMemoryTest). */
    public static final double ALLOWED_GROWTH_MB = 300;
    private final URI studio;
    private final long pid;
    private final PrintStream out;

    /**
     * @param studio the studio's address
     * @param pid its process, whose /proc/PID/status gives the resident memory
     */
    public StudioMemoryBenchmark(URI studio, long pid, PrintStream out) {
        this.studio = studio;
        this.pid = pid;
        this.out = out;
    }

    /** One training and the studio's resident memory after it. */
    public record Row(int training, StudioTrainings.Ended end, double rssMb) {}

    /** Runs {@code trainings} trainings, prints a row after each and a summary, writes the plot to {@code plot}. */
    public List<Row> run(int trainings, Path plot) throws IOException, InterruptedException {
        StudioTrainings client = new StudioTrainings(studio);
        List<Row> rows = new ArrayList<>();
        out.printf(Locale.ROOT, "%d trainings through %s (studio pid %d, resident %,.0f MB at the start)%n%n", trainings, studio, pid,
                ProcessMemory.rssMegabytes(pid));
        out.println("| training | project | status | seconds | studio RSS MB |");
        out.println("|---|---|---|---|---|");
        for (int i = 0; i < trainings; i++) {
            String request = StudioTrainings.NEWCOMER_MIX.get(i % StudioTrainings.NEWCOMER_MIX.size());
            StudioTrainings.Ended end = client.train(request, Duration.ofMinutes(10));
            Row row = new Row(i + 1, end, ProcessMemory.rssMegabytes(pid));
            rows.add(row);
            out.printf(Locale.ROOT, "| %d | %s | %s | %.1f | %,.0f |%n", row.training(), end.project(), end.status(), end.seconds(), row.rssMb());
        }
        savePlot(rows, plot);
        return rows;
    }

    /** Prints the growth against the target; true when it is met. */
    public boolean report(List<Row> rows, Path plot) {
        if (rows.size() < 3) {
            out.println("too few trainings for a trend (at least 3)");
            return false;
        }
        double second = rows.get(1).rssMb();
        double last = rows.get(rows.size() - 1).rssMb();
        double peak = rows.stream().mapToDouble(Row::rssMb).max().orElse(Double.NaN);
        boolean failed = rows.stream().anyMatch(r -> !"completed".equals(r.end().status()));
        boolean met = last - second < ALLOWED_GROWTH_MB && !failed;
        out.printf(Locale.ROOT, "%nRSS after the 2nd: %,.0f MB, after the %dth: %,.0f MB (%+,.0f), highest %,.0f MB%n", second, rows.size(), last,
                last - second, peak);
        out.printf(Locale.ROOT, "target: within %,.0f MB of the 2nd%s %s%n", ALLOWED_GROWTH_MB, failed ? ", every training completed" : "",
                met ? "MET" : "MISSED");
        out.println("plot: " + plot);
        return met;
    }

    private static void savePlot(List<Row> rows, Path plot) throws IOException {
        double[] x = rows.stream().mapToDouble(Row::training).toArray();
        double[] y = rows.stream().mapToDouble(Row::rssMb).toArray();
        Files.createDirectories(plot.getParent());
        new CurvePlot("Studio resident memory after each training", "training", "RSS (MB)").x(x).series("studio RSS", y).save(plot);
    }
}
