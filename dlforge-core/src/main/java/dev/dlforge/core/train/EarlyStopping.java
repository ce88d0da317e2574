package dev.dlforge.core.train;

/**
 * Which metric decides the best epoch, and how many epochs without improvement end the run
 * ({@code patience} 0 never stops early; the best epoch is still tracked).
 */
public record EarlyStopping(String monitor, boolean higherIsBetter, int patience) {

    public static EarlyStopping off(String monitor, boolean higherIsBetter) {
        return new EarlyStopping(monitor, higherIsBetter, 0);
    }

    boolean improves(double value, double best) {
        if (Double.isNaN(value)) {
            return false;
        }
        return Double.isNaN(best) || (higherIsBetter ? value > best : value < best);
    }
}
