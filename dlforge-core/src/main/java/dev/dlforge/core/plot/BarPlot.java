package dev.dlforge.core.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** A bar chart of one value per category (e.g. accuracy per tag), saved as PNG. */
public final class BarPlot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private List<String> categories = List.of();

    public BarPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public BarPlot categories(List<String> names) {
        this.categories = List.copyOf(names);
        return this;
    }

    /** One bar per category; NaN draws as 0. */
    public BarPlot series(String name, double[] values) {
        List<Double> v = new ArrayList<>();
        for (double d : values) {
            v.add(Double.isNaN(d) ? 0 : d);
        }
        series.put(name, v);
        return this;
    }

    public void save(Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(720, 48 * categories.size())).height(420)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendVisible(series.size() > 1);
        for (var e : series.entrySet()) {
            chart.addSeries(e.getKey(), categories, e.getValue());
        }
        Plots.savePng(chart, png);
    }
}
