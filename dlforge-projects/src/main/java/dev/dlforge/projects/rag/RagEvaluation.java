package dev.dlforge.projects.rag;

import dev.dlforge.core.plot.BarPlot;
import dev.dlforge.core.progress.Progress;
import dev.dlforge.core.report.MarkdownReport;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.data.docs.EvalDocument;
import dev.dlforge.data.docs.EvalQuestion;
import dev.dlforge.data.docs.RetrievalEvalSet;
import dev.dlforge.models.retrieval.Chunk;
import dev.dlforge.models.retrieval.ChunkFilter;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.retrieval.ChunkIndexWriter;
import dev.dlforge.models.retrieval.HybridRetriever;
import dev.dlforge.models.retrieval.ReciprocalRankFusion;
import dev.dlforge.models.retrieval.Retriever;
import dev.dlforge.models.retrieval.ScoredChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;

/**
 * Retrieval evaluation on a {@link RetrievalEvalSet}: every document becomes one chunk (id = the
 * document's id; WordNet glosses are far shorter than a chunk), indexed {@value #SOURCE_SIZE} to a
 * source so they are embedded in batches; then every question is asked of each of {@link #retrievers}
 * (top {@value RetrievalScores#DEPTH}) and the gold document's rank is scored ({@link RetrievalScores}),
 * overall and per question kind.
 */
public final class RagEvaluation {
    static final int SOURCE_SIZE = 256;
    static final String PAPER_RRF = "rrf60";

    /**
     * @param documents documents indexed
     * @param indexSeconds wall time to embed and index them
     * @param overall scores per retriever, in {@link #retrievers} order
     * @param byKind scores per question kind (e.g. definition, example), then per mode
     * @param ranks per mode, the gold document's rank for each question (0: not in the top 10)
     */
    public record Result(int documents, double indexSeconds, List<RetrievalScores> overall, Map<String, List<RetrievalScores>> byKind,
            Map<String, List<Integer>> ranks) {
        /** Questions whose gold document {@code a} has in its top 10 and {@code b} has not. */
        public int foundOnlyBy(String a, String b) {
            List<Integer> ra = ranks.get(a);
            List<Integer> rb = ranks.get(b);
            int n = 0;
            for (int i = 0; i < ra.size(); i++) {
                n += ra.get(i) > 0 && rb.get(i) == 0 ? 1 : 0;
            }
            return n;
        }

        /** {@code bm25_recall_at_1}, ..., {@code rrf60_mrr}, and the sizes. */
        public Map<String, Double> metrics() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (RetrievalScores s : overall) {
                m.put(s.mode() + "_recall_at_1", s.recallAt1());
                m.put(s.mode() + "_recall_at_5", s.recallAt5());
                m.put(s.mode() + "_recall_at_10", s.recallAt10());
                m.put(s.mode() + "_mrr", s.mrr());
            }
            m.put("questions", (double) (overall.isEmpty() ? 0 : overall.get(0).questions()));
            m.put("documents", (double) documents);
            m.put("index_seconds", indexSeconds);
            return m;
        }
    }

    private RagEvaluation() {}

    /** Indexes the set's documents into {@code index} (which should be empty) and commits. */
    public static double index(RetrievalEvalSet set, ChunkIndexWriter index) {
        long start = System.nanoTime();
        List<EvalDocument> docs = set.documents();
        try (ProgressBar bar = Progress.bar("indexing " + set.name(), docs.size(), 0, "doc", 1)) {
            for (int from = 0; from < docs.size(); from += SOURCE_SIZE) {
                String source = String.format(Locale.ROOT, "%s/part-%05d", set.name(), from / SOURCE_SIZE);
                List<Chunk> chunks = new ArrayList<>();
                for (EvalDocument d : docs.subList(from, Math.min(docs.size(), from + SOURCE_SIZE))) {
                    chunks.add(Chunk.of(d.id(), source, "", 0, 0, d.text().length(), d.text()));
                }
                index.replaceSource(source, "eval", chunks);
                bar.stepBy(chunks.size());
            }
        }
        index.commit();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The retrievers compared, by label: the three {@link RetrievalMode}s, then {@value #PAPER_RRF}, the
     * hybrid with the paper's fusion (k = 60, equal weights), to show what the tuned fusion adds.
     */
    static Map<String, Retriever> retrievers(ChunkIndexReader index) {
        Map<String, Retriever> out = new LinkedHashMap<>();
        for (RetrievalMode mode : RetrievalMode.values()) {
            out.put(mode.id(), mode.retriever(index));
        }
        out.put(PAPER_RRF, new HybridRetriever(index, ReciprocalRankFusion.paper(), HybridRetriever.DEFAULT_DEPTH, false));
        return out;
    }

    /** Asks every question of every retriever of {@link #retrievers} over an index holding the set's documents. */
    public static Result evaluate(RetrievalEvalSet set, ChunkIndexReader index, double indexSeconds) {
        List<RetrievalScores> overall = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> kinds = new LinkedHashMap<>();
        Map<String, List<Integer>> allRanks = new LinkedHashMap<>();
        Map<String, Retriever> retrievers = retrievers(index);
        try (ProgressBar bar = Progress.bar("asking", (long) set.questions().size() * retrievers.size(), 0, "question", 1)) {
            for (Map.Entry<String, Retriever> r : retrievers.entrySet()) {
                List<Integer> ranks = new ArrayList<>();
                long start = System.nanoTime();
                for (EvalQuestion q : set.questions()) {
                    int rank = rank(r.getValue().retrieve(q.text(), RetrievalScores.DEPTH, ChunkFilter.none()), q.goldId());
                    ranks.add(rank);
                    kinds.computeIfAbsent(q.kind(), k -> new LinkedHashMap<>()).computeIfAbsent(r.getKey(), m -> new ArrayList<>()).add(rank);
                    bar.step();
                }
                overall.add(RetrievalScores.of(r.getKey(), ranks, (System.nanoTime() - start) / 1e9));
                allRanks.put(r.getKey(), List.copyOf(ranks));
            }
        }
        Map<String, List<RetrievalScores>> byKind = new LinkedHashMap<>();
        kinds.forEach((kind, modes) -> byKind.put(kind, modes.entrySet().stream()
                .map(e -> RetrievalScores.of(e.getKey(), e.getValue(), 0)).toList()));
        return new Result(set.documents().size(), indexSeconds, overall, byKind, allRanks);
    }

    /** 1-based rank of the chunk whose id is {@code goldId}; 0 when absent. */
    static int rank(List<ScoredChunk> hits, String goldId) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).chunk().id().equals(goldId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** report.md with the tables and plots/recall.png. */
    public static void writeReport(RunDir run, RetrievalEvalSet set, Result result, String setup) throws IOException {
        Files.createDirectories(run.plots());
        List<String> categories = List.of("recall@1", "recall@5", "recall@10", "MRR@10");
        BarPlot plot = new BarPlot("WordNet retrieval: " + set.questions().size() + " questions, " + result.documents() + " documents",
                "metric", "score").categories(categories);
        for (RetrievalScores s : result.overall()) {
            plot.series(s.mode(), new double[] {s.recallAt1(), s.recallAt5(), s.recallAt10(), s.mrr()});
        }
        plot.save(run.plots().resolve("recall.png"));
        MarkdownReport report = new MarkdownReport("rag: retrieval on WordNet");
        report.paragraph(setup);
        report.section("Recall and MRR").table(header(), rows(result.overall()));
        report.image("recall@k and MRR per retrieval mode", "plots/recall.png");
        String hybrid = RetrievalMode.HYBRID.id();
        List<List<String>> pairs = new ArrayList<>();
        for (String other : result.ranks().keySet()) {
            if (!other.equals(hybrid)) {
                pairs.add(List.of(other, Integer.toString(result.foundOnlyBy(hybrid, other)), Integer.toString(result.foundOnlyBy(other, hybrid))));
            }
        }
        report.section("Where hybrid differs (recall@10)").paragraph("Questions whose gold gloss is in the top 10 of one retriever "
                + "and not the other; the overall difference is the first count minus the second.")
                .table(List.of("against", "found only by hybrid", "found only by the other"), pairs);
        for (Map.Entry<String, List<RetrievalScores>> e : result.byKind().entrySet()) {
            report.section("Questions from " + e.getKey() + "s (" + e.getValue().get(0).questions() + ")").table(header(), rows(e.getValue()));
        }
        report.section("Index").paragraph(String.format(Locale.ROOT, "%,d documents embedded (all-MiniLM-L6-v2) and indexed (Lucene HNSW + BM25) in %.1f s.",
                result.documents(), result.indexSeconds()));
        report.save(run.report());
    }

    private static List<String> header() {
        return List.of("mode", "recall@1", "recall@5", "recall@10", "MRR@10", "ms/question");
    }

    private static List<List<String>> rows(List<RetrievalScores> scores) {
        return scores.stream().map(s -> List.of(s.mode(), f(s.recallAt1()), f(s.recallAt5()), f(s.recallAt10()), f(s.mrr()),
                s.secondsPerQuestion() == 0 ? "" : String.format(Locale.ROOT, "%.1f", 1000 * s.secondsPerQuestion()))).toList();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
