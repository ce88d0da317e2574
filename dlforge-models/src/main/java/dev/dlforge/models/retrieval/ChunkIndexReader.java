package dev.dlforge.models.retrieval;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Searches a chunk index ({@link ChunkIndexFormat}): its sources, BM25 and vector queries, stored
 * vectors. {@link #open} reads the last commit of an index on disk and takes no lock, so it works
 * while a {@link ChunkIndexWriter} changes the index; each call sees the latest commit. A writer's
 * own {@link ChunkIndexWriter#reader() reader} sees its changes before they are committed too.
 */
public final class ChunkIndexReader implements AutoCloseable {
    private final Path dir;
    private final TextEmbedder embedder;
    private final Analyzer analyzer;
    private final SearcherManager searchers;
    /** The directory this reader opened and closes; null for a writer's reader, which the writer closes. */
    private final Directory ownDirectory;

    ChunkIndexReader(Path dir, TextEmbedder embedder, Analyzer analyzer, SearcherManager searchers, Directory ownDirectory) {
        this.dir = dir;
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.searchers = searchers;
        this.ownDirectory = ownDirectory;
    }

    /**
     * Opens the last commit of the index in {@code dir} for searching; takes no lock.
     *
     * @throws DlforgeException when there is no index, it is corrupt, or it was built with a different embedder
     */
    public static ChunkIndexReader open(Path dir, TextEmbedder embedder) {
        if (!Files.isDirectory(dir)) {
            throw new DlforgeException("there is no index at " + dir, "build it first with `dlforge rag index DIR`, or name another with --index NAME");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            SearcherManager searchers = new SearcherManager(directory, null);
            IndexSearcher s = searchers.acquire();
            try {
                ChunkIndexFormat.checkEmbedder(dir, ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData(), embedder);
            } finally {
                searchers.release(s);
            }
            return new ChunkIndexReader(dir, embedder, ChunkIndexFormat.analyzer(), searchers, directory);
        } catch (IOException | RuntimeException e) {
            try {
                if (directory != null) {
                    directory.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // already failing; the original error is the one to report
            }
            if (e instanceof IOException io) {
                throw IndexOpenFailure.of(dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Indexed sources by name, sorted; a writer's reader includes changes not yet committed. */
    public Map<String, SourceRecord> sources() {
        Map<String, SourceRecord> out = new TreeMap<>();
        withSearcher(s -> {
            StoredFields fields = s.storedFields();
            Query q = new TermQuery(new Term(ChunkDocument.KIND, ChunkDocument.KIND_SOURCE));
            for (ScoreDoc sd : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                Document d = fields.document(sd.doc);
                String source = d.get(ChunkDocument.SOURCE);
                out.put(source, new SourceRecord(source, d.get(ChunkDocument.FINGERPRINT),
                        d.getField(ChunkDocument.CHUNKS).numericValue().intValue(),
                        d.getField(ChunkDocument.DUPLICATES).numericValue().intValue()));
            }
            return null;
        });
        return out;
    }

    /** Chunks stored, over all sources. */
    public int chunkCount() {
        return withSearcher(s -> s.count(ChunkDocument.chunks()));
    }

    /** Top {@code k} chunks for a Lucene query, labelled with their 1-based rank under {@code retriever}. */
    List<ScoredChunk> search(Query query, int k, String retriever) {
        return withSearcher(s -> {
            TopDocs top = s.search(query, k);
            StoredFields fields = s.storedFields();
            List<ScoredChunk> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(new ScoredChunk(ChunkDocument.read(fields, sd.doc), sd.score, Map.of(retriever, out.size() + 1)));
            }
            return out;
        });
    }

    /** The stored (exact, full) vectors of the chunks with these ids; ids not found are absent. */
    Map<String, float[]> vectors(Collection<String> chunkIds) {
        return withSearcher(s -> {
            Map<String, float[]> out = new LinkedHashMap<>();
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            for (String id : chunkIds) {
                TopDocs hit = s.search(new TermQuery(new Term(ChunkDocument.ID, id)), 1);
                if (hit.scoreDocs.length == 0) {
                    continue;
                }
                int doc = hit.scoreDocs[0].doc;
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkDocument.VECTOR);
                if (values != null && values.advance(doc - leaf.docBase) == doc - leaf.docBase) {
                    out.put(id, values.vectorValue().clone());
                }
            }
            return out;
        });
    }

    /**
     * Ids of the {@code k} live chunks whose stored vectors have the largest dot product with
     * {@code query}, best first, by scanning every vector: the exact answer HNSW approximates.
     */
    List<String> exactNearest(float[] query, int k) {
        return withSearcher(s -> {
            // min-heap of (score, global doc): the root is the weakest of the best k so far
            PriorityQueue<double[]> best = new PriorityQueue<>(Comparator.comparingDouble((double[] e) -> e[0]));
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkDocument.VECTOR);
                Bits live = leaf.reader().getLiveDocs();
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    float[] v = values.vectorValue();
                    double dot = 0;
                    for (int i = 0; i < v.length; i++) {
                        dot += (double) query[i] * v[i];
                    }
                    if (best.size() < k || dot > best.peek()[0]) {
                        best.add(new double[] {dot, leaf.docBase + doc});
                        if (best.size() > k) {
                            best.poll();
                        }
                    }
                }
            }
            List<double[]> sorted = new ArrayList<>(best);
            sorted.sort(Comparator.comparingDouble((double[] e) -> e[0]).reversed());
            StoredFields fields = s.storedFields();
            List<String> ids = new ArrayList<>(sorted.size());
            for (double[] e : sorted) {
                ids.add(fields.document((int) e[1], Set.of(ChunkDocument.ID)).get(ChunkDocument.ID));
            }
            return ids;
        });
    }

    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} on a searcher of the latest state, turning Lucene's I/O failures into clear errors. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher s = searchers.acquire();
            try {
                return work.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        } catch (UncheckedIOException e) {
            throw IndexOpenFailure.of(dir, e.getCause());
        }
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    /** The analyzer that indexed the text; queries must use the same one. */
    Analyzer analyzer() {
        return analyzer;
    }

    public Path directory() {
        return dir;
    }

    /** Bytes of all files in the index directory. */
    public long sizeOnDisk() {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes a reader that {@link #open} opened; a writer's reader stays open until its writer closes. */
    @Override
    public synchronized void close() {
        if (ownDirectory == null) {
            return;
        }
        try {
            searchers.close();
            ownDirectory.close();
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        }
    }
}
