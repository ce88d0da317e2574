package dev.dlforge.models.text;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.text.TokenBatch;
import dev.dlforge.core.text.WordPieceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (sentence-transformers; 6 layers, 384 dimensions), run
 * with ONNX Runtime from the ONNX file in langchain4j's MiniLM jar, tokenized by our
 * {@link WordPieceTokenizer} from the tokenizer.json beside it:
 * <pre>
 * texts -> ids, mask, types (B, T) -> MiniLM -> last_hidden_state (B, T, 384)
 *       -> mean over the mask (B, 384) -> L2-normalised (B, 384)
 * </pre>
 * Texts are sorted by token count and run in batches, so each batch pads to a similar length;
 * the results come back in the caller's order. A text longer than {@link Options#maxTokens()}
 * (512, the model's position limit) is cut to it and counted ({@link #truncatedTexts()}).
 * langchain4j's own model cuts at 128 tokens instead (the tokenizer.json's setting); below that
 * the two agree. Thread-safe; close it to free the native session.
 */
public final class MiniLmEncoder implements AutoCloseable {
    /** Width of an embedding. */
    public static final int DIMENSION = 384;
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    private static final System.Logger LOG = System.getLogger(MiniLmEncoder.class.getName());

    /**
     * @param maxTokens tokens per text, [CLS] and [SEP] included; 512 at most (the position table)
     * @param batchSize texts per forward pass
     * @param threads ONNX Runtime intra-op threads (one inter-op thread: the graph is a chain)
     */
    public record Options(int maxTokens, int batchSize, int threads) {
        public Options {
            if (maxTokens < 3 || maxTokens > 512 || batchSize < 1 || threads < 1) {
                throw new IllegalArgumentException("maxTokens must be 3..512, batchSize and threads at least 1");
            }
        }

        /** The model's full 512 tokens, batches of 32, one thread per core. */
        public static Options defaults() {
            return new Options(512, 32, Runtime.getRuntime().availableProcessors());
        }

        public Options withMaxTokens(int n) {
            return new Options(n, batchSize, threads);
        }

        public Options withBatchSize(int n) {
            return new Options(maxTokens, n, threads);
        }
    }

    private final Options options;
    private final WordPieceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final AtomicLong truncated = new AtomicLong();

    private MiniLmEncoder(Options options, Path modelFile) {
        this.options = options;
        try (InputStream in = MiniLmEncoder.class.getResourceAsStream(TOKENIZER)) {
            this.tokenizer = WordPieceTokenizer.read(in, TOKENIZER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.threads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(modelFile.toString(), so);
        } catch (OrtException e) {
            throw new DlforgeException("ONNX Runtime could not load " + modelFile + ": " + e.getMessage(),
                    "delete the file to have it copied again from the jar", e);
        }
    }

    /** Opens the model with {@link Options#defaults()}. */
    public static MiniLmEncoder open() {
        return open(Options.defaults());
    }

    /** Opens the model, copying it from the jar to {@code $DLFORGE_HOME/cache/onnx} the first time. */
    public static MiniLmEncoder open(Options options) {
        Path cache = DlforgeHome.current().root().resolve("cache").resolve("onnx");
        return new MiniLmEncoder(options, ClasspathFileCache.file(MODEL, cache));
    }

    /** One unit vector of {@link #DIMENSION} per text, in the order given; an empty text is fine. */
    public float[][] embed(List<String> texts) {
        // token ids first, so batches can be formed of texts of similar length
        List<WordPieceTokenizer.TokenIds> ids = new ArrayList<>(texts.size());
        for (String text : texts) {
            ids.add(tokenizer.encodeTruncated(text, options.maxTokens()));
        }
        int[] order = IntStream.range(0, ids.size()).boxed()
                .sorted(Comparator.comparingInt(i -> ids.get(i).ids().length)).mapToInt(Integer::intValue).toArray();
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += options.batchSize()) {
            int to = Math.min(order.length, from + options.batchSize());
            List<WordPieceTokenizer.TokenIds> rows = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                rows.add(ids.get(order[k]));
            }
            float[][] vectors = run(TokenBatch.padded(rows, tokenizer.padId()));
            for (int k = from; k < to; k++) {
                out[order[k]] = vectors[k - from];
            }
        }
        long cut = ids.stream().filter(WordPieceTokenizer.TokenIds::truncated).count();
        if (cut > 0) {
            long total = truncated.addAndGet(cut);
            LOG.log(System.Logger.Level.WARNING, "{0} text(s) longer than {1} tokens were cut to it ({2} so far)",
                    cut, options.maxTokens(), total);
        }
        return out;
    }

    public float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /** (B, T) ids, mask and types in; (B, 384) pooled unit vectors out. */
    private float[][] run(TokenBatch batch) {
        long[] shape = {batch.size(), batch.length()};
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.inputIds()), shape);
                OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.attentionMask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.tokenTypeIds()), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElseThrow(); // (B, T, 384)
            return MeanPooling.pool(hidden.getFloatBuffer(), batch.attentionMask(), batch.size(), batch.length(), DIMENSION);
        } catch (OrtException e) {
            throw new DlforgeException("MiniLM inference failed: " + e.getMessage(), "", e);
        }
    }

    /** Texts cut to {@link Options#maxTokens()} since this encoder was opened. */
    public long truncatedTexts() {
        return truncated.get();
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DlforgeException("closing the ONNX session failed: " + e.getMessage(), "", e);
        }
    }
}
