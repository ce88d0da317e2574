package dev.dlforge.models.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear-chain conditional random field over K tags (Lafferty et al., 2001) as used on top of
 * BiLSTM taggers (Lample et al., 2016). For emissions e (B, T, K) from a network and a tag sequence
 * y of length n, the score is
 *
 * <pre>
 *   s(y) = start[y_0] + sum_{t<n} e[t, y_t] + sum_{1<=t<n} A[y_{t-1}, y_t] + end[y_{n-1}]
 * </pre>
 *
 * with learned transitions A (K, K) and start/end scores (K). p(y) = exp(s(y)) / Z with
 * Z = sum over all K^n sequences of exp(s(y)), computed by the forward algorithm in log space:
 *
 * <pre>
 *   alpha_0[k] = start[k] + e[0, k]
 *   alpha_t[k] = logsumexp_j (alpha_{t-1}[j] + A[j, k]) + e[t, k]
 *   log Z      = logsumexp_k (alpha_{n-1}[k] + end[k])
 * </pre>
 *
 * (evaluated in the equivalent scaled form, see {@link #logPartition}).
 * The loss {@link #negativeLogLikelihood} is log Z - s(y), built from NDArray operations so autograd
 * differentiates it. Sequences of one batch may differ in length: a mask (B, T) of 1s then 0s marks the
 * real positions; at padded positions alpha is carried over unchanged, so padding never changes a score.
 * Decoding ({@link #viterbi}) and per-token marginals ({@link #marginals}) run on the CPU in Java.
 */
public final class Crf extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int tags;
    private final Parameter transitions;
    private final Parameter start;
    private final Parameter end;

    public Crf(int tags) {
        super(VERSION);
        this.tags = tags;
        // BIAS parameters start at zero: no preference between tags until the data gives one.
        transitions = addParameter(Parameter.builder().setName("transitions").setType(Parameter.Type.BIAS)
                .optShape(new Shape(tags, tags)).build());
        start = addParameter(Parameter.builder().setName("start").setType(Parameter.Type.BIAS).optShape(new Shape(tags)).build());
        end = addParameter(Parameter.builder().setName("end").setType(Parameter.Type.BIAS).optShape(new Shape(tags)).build());
    }

    public int tags() {
        return tags;
    }

    /** Inputs: emissions (B, T, K), gold tags (B, T) int, mask (B, T) float; output: -log p(y) per sequence (B). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray e = inputs.get(0);
        NDArray a = store.getValue(transitions, e.getDevice(), training);
        NDArray s = store.getValue(start, e.getDevice(), training);
        NDArray f = store.getValue(end, e.getDevice(), training);
        return new NDList(logPartition(e, inputs.get(2), a, s, f).sub(score(e, inputs.get(1), inputs.get(2), a, s, f)));
    }

    /** -log p(y | e) per sequence (B); see the class comment. */
    public NDArray negativeLogLikelihood(ParameterStore store, NDArray emissions, NDArray goldTags, NDArray mask, boolean training) {
        return forward(store, new NDList(emissions, goldTags, mask), training).head();
    }

    /**
     * log Z per sequence (B), by the forward algorithm in scaled form (Rabiner, 1989), which equals
     * the log-space recursion above but needs a third of the operations per step (each one costs a
     * native call, and there are T of them). With P[t, k] = exp(e[t, k] - max_k e[t, k]):
     *
     * <pre>
     *   a_0 = exp(start) * P[0]                      c_0 = sum_k a_0[k]     a_0 = a_0 / c_0
     *   u_t = (a_{t-1} exp(A)) * P[t]                c_t = sum_k u_t[k]     a_t = u_t / c_t
     *   log Z = sum_t max_k e[t, k] + sum_t log c_t + log sum_k a_{n-1}[k] exp(end[k])
     * </pre>
     *
     * Each a_t sums to 1, so nothing overflows; at padded positions a is carried and c_t counts as 1.
     */
    static NDArray logPartition(NDArray e, NDArray mask, NDArray a, NDArray s, NDArray f) {
        NDManager batch = e.getManager();
        long steps = e.getShape().get(1);
        NDArray peak = e.max(new int[] {2}, true).stopGradient();               // (B, T, 1)
        NDArray p = e.sub(peak).exp();                                         // (B, T, K) in (0, 1]
        NDArray expA = owned(a.exp(), batch);                                  // (K, K): [from, to]
        NDArray m = mask.expandDims(2);                                        // (B, T, 1)
        NDArray alpha = p.get(":, 0, :").mul(owned(s.exp(), batch));           // (B, K)
        NDArray c = alpha.sum(new int[] {1}, true);                            // (B, 1)
        alpha = alpha.div(c);
        NDList scales = new NDList(c);
        for (long t = 1; t < steps; t++) {
            NDArray u = alpha.matMul(expA).mul(p.get(":, {}, :", t));          // (B, K)
            NDArray ct = u.sum(new int[] {1}, true);                           // (B, 1)
            NDArray mt = m.get(":, {}, :", t);                                 // (B, 1)
            alpha = alpha.add(u.div(ct).sub(alpha).mul(mt));                   // padding keeps alpha
            scales.add(ct.sub(1).mul(mt).add(1));                              // padding scales by 1
        }
        NDArray logScales = NDArrays.concat(scales, 1).log().sum(new int[] {1});            // (B)
        NDArray peaks = peak.squeeze(2).mul(mask).sum(new int[] {1});                       // (B)
        NDArray last = alpha.mul(owned(f.exp(), batch)).sum(new int[] {1}).log();           // (B)
        return peaks.add(logScales).add(last);
    }

    /** {@code x}, made to belong to the batch: results of operations on a parameter belong to its long-lived manager. */
    private static NDArray owned(NDArray x, NDManager batch) {
        x.attach(batch);
        return x;
    }

    /** s(y) per sequence (B). */
    static NDArray score(NDArray e, NDArray goldTags, NDArray mask, NDArray a, NDArray s, NDArray f) {
        int k = (int) e.getShape().get(2);
        long steps = e.getShape().get(1);
        // One-hot by comparison with 0..K-1: the engine has no one-hot of its own.
        NDArray range = e.getManager().arange(0, k, 1, DataType.INT64);                          // (K)
        NDArray oneHot = goldTags.toType(DataType.INT64, false).expandDims(2).eq(range)
                .toType(DataType.FLOAT32, false);                                                 // (B, T, K)
        NDArray total = e.mul(oneHot).sum(new int[] {2}).mul(mask).sum(new int[] {1});            // (B)
        total = total.add(oneHot.get(":, 0, :").matMul(s));                                       // + start[y_0]
        if (steps > 1) {
            NDArray previous = oneHot.get(":, :-1, :");                                           // (B, T-1, K)
            NDArray following = oneHot.get(":, 1:, :");                                           // (B, T-1, K)
            NDArray pairs = previous.matMul(a).mul(following).sum(new int[] {2});                 // (B, T-1): A[y_{t-1}, y_t]
            total = total.add(pairs.mul(mask.get(":, 1:")).sum(new int[] {1}));
        }
        // The last real position of each sequence: mask[t] = 1 and mask[t+1] = 0.
        NDArray shifted = mask.get(":, 1:").concat(mask.get(":, :1").zerosLike(), 1);            // (B, T)
        NDArray last = mask.sub(shifted).expandDims(2).mul(oneHot).sum(new int[] {1});            // (B, K)
        return total.add(last.matMul(f));
    }

    /** The learned scores as Java arrays: transitions [from * K + to], start [K], end [K]. */
    public Scores scores() {
        return new Scores(tags, transitions.getArray().toFloatArray(), start.getArray().toFloatArray(), end.getArray().toFloatArray());
    }

    /**
     * Viterbi decoding: the highest-scoring tag sequence for one sentence.
     *
     * @param emissions (T', K) flattened, T' at least {@code length}
     */
    public static int[] viterbi(Scores c, float[] emissions, int length) {
        int k = c.tags();
        if (length == 0) {
            return new int[0];
        }
        double[] best = new double[k];
        int[][] back = new int[length][k];
        for (int j = 0; j < k; j++) {
            best[j] = c.start()[j] + emissions[j];
        }
        for (int t = 1; t < length; t++) {
            double[] next = new double[k];
            for (int to = 0; to < k; to++) {
                double top = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int from = 0; from < k; from++) {
                    double v = best[from] + c.transitions()[from * k + to];
                    if (v > top) {
                        top = v;
                        arg = from;
                    }
                }
                next[to] = top + emissions[t * k + to];
                back[t][to] = arg;
            }
            best = next;
        }
        int arg = 0;
        for (int j = 1; j < k; j++) {
            if (best[j] + c.end()[j] > best[arg] + c.end()[arg]) {
                arg = j;
            }
        }
        int[] path = new int[length];
        path[length - 1] = arg;
        for (int t = length - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    /**
     * p(y_t = k | sentence) for every position, by the forward-backward algorithm in log space:
     * alpha as above, beta_t[j] = logsumexp_k (A[j, k] + e[t+1, k] + beta_{t+1}[k]) with
     * beta_{n-1} = end, and p = exp(alpha_t + beta_t - log Z).
     *
     * @return (length, K) row-major
     */
    public static double[] marginals(Scores c, float[] emissions, int length) {
        if (length == 0) {
            return new double[0];
        }
        int k = c.tags();
        double[] alpha = new double[length * k];
        double[] beta = new double[length * k];
        for (int j = 0; j < k; j++) {
            alpha[j] = c.start()[j] + emissions[j];
            beta[(length - 1) * k + j] = c.end()[j];
        }
        double[] terms = new double[k];
        for (int t = 1; t < length; t++) {
            for (int to = 0; to < k; to++) {
                for (int from = 0; from < k; from++) {
                    terms[from] = alpha[(t - 1) * k + from] + c.transitions()[from * k + to];
                }
                alpha[t * k + to] = logSumExp(terms) + emissions[t * k + to];
            }
        }
        for (int t = length - 2; t >= 0; t--) {
            for (int from = 0; from < k; from++) {
                for (int to = 0; to < k; to++) {
                    terms[to] = c.transitions()[from * k + to] + emissions[(t + 1) * k + to] + beta[(t + 1) * k + to];
                }
                beta[t * k + from] = logSumExp(terms);
            }
        }
        for (int j = 0; j < k; j++) {
            terms[j] = alpha[(length - 1) * k + j] + c.end()[j];
        }
        double logZ = logSumExp(terms);
        double[] p = new double[length * k];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(alpha[i] + beta[i] - logZ);
        }
        return p;
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    /** A snapshot of the CRF's scores for decoding outside the engine. */
    public record Scores(int tags, float[] transitions, float[] start, float[] end) {}

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
