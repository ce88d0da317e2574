package dev.dlforge.models.retrieval;

import dev.dlforge.core.progress.Progress;
import dev.dlforge.models.text.MiniLmEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;

/**
 * On-demand benchmark of {@link ChunkIndexWriter}, {@link ChunkIndexReader} and the retrievers (not run in CI): builds a fresh
 * index of {@link SyntheticText} chunks, 100 per source, committing every 100 sources, then times
 * queries of 3..8 words cut from random chunks. Latencies of the vector and hybrid retrievers
 * include embedding the query. With {@code --no-embed} vectors come from {@link RandomUnitEmbedder},
 * measuring Lucene alone.
 * <pre>
 * java -Xmx2g -cp ... dev.dlforge.models.retrieval.IndexBenchmark --chunks 100000 --no-embed
 * java -Xmx2g -cp ... dev.dlforge.models.retrieval.IndexBenchmark --chunks 2000
 * </pre>
 */
public final class IndexBenchmark {
    /**
     * @param dir where the index is built; deleted first
     * @param chunks chunks to index
     * @param embed real MiniLM embeddings when true, random unit vectors when false
     * @param queries timed queries per retriever, after {@code queries / 4} untimed warm-up ones
     * @param k results per query
     */
    public record Config(Path dir, int chunks, boolean embed, int queries, int k, long seed) {
        public static Config defaults(Path dir) {
            return new Config(dir, 100_000, false, 400, 10, 42);
        }
    }

    /** Per-query wall time of one retriever, in milliseconds. */
    public record Latency(String retriever, double p50, double p99, double mean) {}

    /**
     * @param buildSeconds wall time from empty directory to last commit, embedding included
     * @param embedSeconds of which in the embedder
     * @param rssBytes resident set of this JVM after the queries; peakRssBytes its high-water mark
     * @param vectorRecallAt10 by HNSW candidates searched: share of the exact 10 nearest chunks
     *     (exhaustive scan) that the HNSW search returns, averaged over up to
     *     {@value #RECALL_QUERIES} queries
     */
    public record Result(int chunks, String embedder, double buildSeconds, double embedSeconds, long indexBytes,
            long rssBytes, long peakRssBytes, Map<Integer, Double> vectorRecallAt10, List<Latency> latencies) {
        public String toMarkdown() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "chunks %,d, embedder %s%n", chunks, embedder));
            s.append(String.format(Locale.ROOT, "build %.1f s (embedding %.1f s, %.0f chunks/s overall)%n", buildSeconds,
                    embedSeconds, chunks / buildSeconds));
            s.append(String.format(Locale.ROOT, "index on disk %.1f MiB, RSS %.0f MiB (peak %.0f MiB)%n",
                    indexBytes / 1048576.0, rssBytes / 1048576.0, peakRssBytes / 1048576.0));
            s.append("HNSW recall@10 vs exact search, by candidates:");
            vectorRecallAt10.forEach((c, r) -> s.append(String.format(Locale.ROOT, " %d: %.3f", c, r)));
            s.append("\n\n");
            s.append("| retriever | p50 ms | p99 ms | mean ms |\n|---|---:|---:|---:|\n");
            for (Latency l : latencies) {
                s.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", l.retriever(), l.p50(), l.p99(), l.mean()));
            }
            return s.toString();
        }
    }

    static final int RECALL_QUERIES = 50;

    private IndexBenchmark() {}

    /** Runs with the embedder the config names: MiniLM (opened and closed here) or random unit vectors. */
    public static Result run(Config config) {
        if (!config.embed()) {
            return run(config, new RandomUnitEmbedder(MiniLmEncoder.DIMENSION));
        }
        try (MiniLmEncoder encoder = MiniLmEncoder.open()) {
            return run(config, new MiniLmEmbedder(encoder));
        }
    }

    public static Result run(Config config, TextEmbedder embedder) {
        deleteTree(config.dir());
        TimedEmbedder timed = new TimedEmbedder(embedder);
        SyntheticText text = new SyntheticText(50_000, config.seed());
        SplittableRandom random = new SplittableRandom(config.seed());
        List<String> queries = new ArrayList<>();
        long start = System.nanoTime();
        try (ChunkIndexWriter index = ChunkIndexWriter.open(config.dir(), timed)) {
            int perSource = 100;
            try (ProgressBar bar = Progress.bar("indexing", config.chunks(), 0, "chunk", 1)) {
                for (int first = 0, source = 0; first < config.chunks(); first += perSource, source++) {
                    String name = "synthetic/doc-" + source + ".txt";
                    List<Chunk> chunks = new ArrayList<>(perSource);
                    int offset = 0;
                    for (int i = first; i < Math.min(config.chunks(), first + perSource); i++) {
                        String t = text.chunk(random, 3 + random.nextInt(4));
                        chunks.add(Chunk.of(name + "#" + (i - first), name, "Section " + (i - first) / 10, 1 + (i - first) / 20,
                                offset, offset + t.length(), t));
                        offset += t.length() + 1;
                        if (queries.size() < config.queries() * 5 / 4 && random.nextInt(Math.max(1, config.chunks() / config.queries())) == 0) {
                            queries.add(SyntheticText.queryFrom(t, random));
                        }
                    }
                    index.replaceSource(name, "size=" + offset, chunks);
                    bar.stepBy(chunks.size());
                    if (source % 100 == 99) {
                        index.commit();
                    }
                }
            }
            index.commit();
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            double embedSeconds = timed.nanos / 1e9; // before queries add their own embedding time
            while (queries.size() < config.queries() * 5 / 4) {
                queries.add(SyntheticText.queryFrom(text.chunk(random, 2), random));
            }
            List<Latency> latencies = new ArrayList<>();
            for (Retriever r : List.of(new Bm25Retriever(index.reader()), new VectorRetriever(index.reader()), HybridRetriever.of(index.reader()),
                    HybridRetriever.of(index.reader()).withRerank(true))) {
                latencies.add(time(r, queries, config));
            }
            return new Result(config.chunks(), embedder.name(), buildSeconds, embedSeconds, index.reader().sizeOnDisk(),
                    procStatus("VmRSS:"), procStatus("VmHWM:"), recallAt10(index.reader(), queries), latencies);
        }
    }

    private static Map<Integer, Double> recallAt10(ChunkIndexReader index, List<String> queries) {
        List<String> sample = queries.subList(0, Math.min(RECALL_QUERIES, queries.size()));
        float[][] vectors = index.embedder().embed(sample);
        List<List<String>> exact = new ArrayList<>();
        for (float[] q : vectors) {
            exact.add(index.exactNearest(q, 10));
        }
        Map<Integer, Double> out = new TreeMap<>();
        for (int candidates : new int[] {VectorRetriever.DEFAULT_CANDIDATES, 256}) {
            VectorRetriever vector = new VectorRetriever(index, candidates);
            double sum = 0;
            for (int i = 0; i < vectors.length; i++) {
                List<String> found = vector.retrieve(vectors[i], 10, ChunkFilter.none()).stream().map(h -> h.chunk().id()).toList();
                sum += exact.get(i).stream().filter(found::contains).count() / (double) Math.max(1, exact.get(i).size());
            }
            out.put(candidates, sum / Math.max(1, vectors.length));
        }
        return out;
    }

    private static Latency time(Retriever r, List<String> queries, Config config) {
        int warmup = queries.size() - config.queries();
        double[] ms = new double[config.queries()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            r.retrieve(queries.get(i), config.k(), ChunkFilter.none());
            if (i >= warmup) {
                ms[i - warmup] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        return new Latency(r.name(), percentile(ms, 0.50), percentile(ms, 0.99), mean);
    }

    /** Nearest-rank percentile of sorted values: the ceil(p n)-th smallest. */
    static double percentile(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** A field of /proc/self/status in bytes (Linux); -1 elsewhere. */
    private static long procStatus(String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the time spent in the embedder, so build time can be split into model and index. */
    private static final class TimedEmbedder implements TextEmbedder {
        private final TextEmbedder inner;
        private long nanos;

        TimedEmbedder(TextEmbedder inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public float[][] embed(List<String> texts) {
            long t0 = System.nanoTime();
            float[][] out = inner.embed(texts);
            nanos += System.nanoTime() - t0;
            return out;
        }
    }

    /** {@code [--chunks N] [--no-embed] [--queries Q] [--dir DIR]}; prints the result as Markdown. */
    public static void main(String[] args) {
        Config c = Config.defaults(Path.of("target", "bench-rag-index"));
        boolean embed = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--chunks" -> c = new Config(c.dir(), Integer.parseInt(args[++i]), c.embed(), c.queries(), c.k(), c.seed());
                case "--queries" -> c = new Config(c.dir(), c.chunks(), c.embed(), Integer.parseInt(args[++i]), c.k(), c.seed());
                case "--dir" -> c = new Config(Path.of(args[++i]), c.chunks(), c.embed(), c.queries(), c.k(), c.seed());
                case "--no-embed" -> embed = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: IndexBenchmark [--chunks N] [--no-embed] [--queries Q] [--dir DIR]");
            }
        }
        System.out.print(run(new Config(c.dir(), c.chunks(), embed, c.queries(), c.k(), c.seed())).toMarkdown());
    }
}
