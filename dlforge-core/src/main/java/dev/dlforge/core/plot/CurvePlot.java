package dev.dlforge.core.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts such as loss and accuracy per epoch, saved as PNG. */
public final class CurvePlot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final Map<String, double[]> ownX = new LinkedHashMap<>();
    private double[] x;

    public CurvePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public CurvePlot x(double[] values) {
        this.x = values.clone();
        return this;
    }

    /** Adds a curve; NaN points (a metric missing in some epochs) are left out. */
    public CurvePlot series(String name, double[] y) {
        series.put(name, y.clone());
        return this;
    }

    /** Adds a curve with its own x values (e.g. ROC curves of several models on one chart). */
    public CurvePlot series(String name, double[] xs, double[] y) {
        if (xs.length != y.length) {
            throw new IllegalArgumentException(name + ": " + xs.length + " x values but " + y.length + " y values");
        }
        ownX.put(name, xs.clone());
        return series(name, y);
    }

    public void save(Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(420).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        for (var e : series.entrySet()) {
            double[] y = e.getValue();
            int[] keep = IntStream.range(0, y.length).filter(i -> !Double.isNaN(y[i])).toArray();
            if (keep.length == 0) {
                continue;
            }
            double[] seriesX = ownX.getOrDefault(e.getKey(), x);
            double[] xs = Arrays.stream(keep).mapToDouble(i -> seriesX[i]).toArray();
            double[] ys = Arrays.stream(keep).mapToDouble(i -> y[i]).toArray();
            var s = chart.addSeries(e.getKey(), xs, ys);
            s.setMarker(xs.length > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        Plots.savePng(chart, png);
    }
}
