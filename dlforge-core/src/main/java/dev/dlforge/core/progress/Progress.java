package dev.dlforge.core.progress;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long work, on stderr so stdout stays for results. On a terminal the bar redraws
 * in place; in a log (CI, a pipe) it prints a plain line every {@link #LOG_INTERVAL_MS} instead of
 * flooding it with carriage returns.
 */
public final class Progress {
    static final int LOG_INTERVAL_MS = 10_000;

    private Progress() {}

    /** True when stderr is probably an interactive terminal. */
    public static boolean interactive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * A bar over {@code max} units ({@code unitName} e.g. "MB" with {@code unitSize} 1<<20, or
     * "batch" with 1) starting at {@code start}.
     */
    public static ProgressBar bar(String task, long max, long start, String unitName, long unitSize) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unitName.isEmpty() ? "" : " " + unitName, unitSize)
                .setMaxRenderedLength(120)
                .startsFrom(start, Duration.ZERO);
        if (interactive()) {
            builder.setUpdateIntervalMillis(250);
        } else {
            PrintStream err = System.err;
            builder.setUpdateIntervalMillis(LOG_INTERVAL_MS).setConsumer(new DelegatingProgressBarConsumer(err::println, 120));
        }
        return builder.build();
    }
}
