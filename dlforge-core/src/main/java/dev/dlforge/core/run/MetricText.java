package dev.dlforge.core.run;

import java.util.Locale;
import java.util.Map;

/** How metrics print: whole numbers (epochs, counts) without decimals, the rest to 4 places. */
public final class MetricText {
    private MetricText() {}

    public static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** {@code "key value  key value ..."} in the map's order. */
    public static String line(Map<String, Double> metrics) {
        StringBuilder line = new StringBuilder();
        metrics.forEach((k, v) -> line.append(line.length() == 0 ? "" : "  ").append(k).append(' ').append(value(v)));
        return line.toString();
    }
}
