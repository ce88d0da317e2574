package dev.dlforge.core.image;

/**
 * Separable resizing of grey images held as float arrays. Along each axis an output pixel is a
 * weighted sum of input pixels: when shrinking, the mean over the input span it covers (area
 * averaging, so thin strokes of a large drawing keep their share of ink instead of being skipped
 * between samples); when enlarging, linear interpolation between the two nearest input centres.
 */
final class Resampling {
    private Resampling() {}

    /**
     * The {@code cw x ch} region at ({@code cx}, {@code cy}) of a row-major image {@code stride}
     * pixels wide, resized to {@code ow x oh}.
     */
    static float[] resize(float[] src, int stride, int cx, int cy, int cw, int ch, int ow, int oh) {
        Axis horizontal = Axis.of(cw, ow);
        Axis vertical = Axis.of(ch, oh);
        float[] rows = new float[ch * ow]; // (ch, ow): each cropped row resized
        for (int y = 0; y < ch; y++) {
            int base = (cy + y) * stride + cx;
            for (int x = 0; x < ow; x++) {
                double sum = 0;
                double[] w = horizontal.weights[x];
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[base + horizontal.start[x] + k];
                }
                rows[y * ow + x] = (float) sum;
            }
        }
        float[] out = new float[oh * ow]; // (oh, ow)
        for (int y = 0; y < oh; y++) {
            double[] w = vertical.weights[y];
            for (int x = 0; x < ow; x++) {
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * rows[(vertical.start[y] + k) * ow + x];
                }
                out[y * ow + x] = (float) sum;
            }
        }
        return out;
    }

    /** For each output index along one axis: the first input index it reads and the weights from there. */
    private record Axis(int[] start, double[][] weights) {

        static Axis of(int in, int out) {
            return out <= in ? shrinking(in, out) : enlarging(in, out);
        }

        /** Output pixel o covers input span [o s, (o + 1) s) with s = in / out; weights are overlaps / s. */
        private static Axis shrinking(int in, int out) {
            double s = in / (double) out;
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int o = 0; o < out; o++) {
                double a = o * s;
                double b = Math.min(in, (o + 1) * s);
                int first = (int) Math.floor(a);
                int last = Math.min(in - 1, (int) Math.ceil(b) - 1);
                start[o] = first;
                weights[o] = new double[last - first + 1];
                for (int i = first; i <= last; i++) {
                    weights[o][i - first] = (Math.min(b, i + 1) - Math.max(a, i)) / s;
                }
            }
            return new Axis(start, weights);
        }

        /** Output centre o + 0.5 maps to input position (o + 0.5) in / out - 0.5, clamped to the edge pixels. */
        private static Axis enlarging(int in, int out) {
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int o = 0; o < out; o++) {
                double p = Math.max(0, Math.min(in - 1, (o + 0.5) * in / out - 0.5));
                int i0 = Math.min((int) Math.floor(p), Math.max(0, in - 2));
                double f = p - i0;
                start[o] = i0;
                weights[o] = in == 1 ? new double[] {1} : new double[] {1 - f, f};
            }
            return new Axis(start, weights);
        }
    }
}
