package dev.dlforge.models.retrieval;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
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
 * Chunks of documents in an embedded Apache Lucene 9 index on disk: per chunk an HNSW vector
 * (dot product of unit vectors = cosine), the text for BM25, and stored metadata; per source its
 * fingerprint.
 *
 * <p>Text goes through Lucene's {@link EnglishAnalyzer}: Unicode word segmentation (UAX #29, so CJK
 * ideographs become one token each), lower case, English stop words and Porter stemming. The
 * stemming lets "whales" find "whale" and "harpooned" find "harpoon", which matters for
 * question-style queries over English documents; a rare word still matches itself exactly, since
 * query and text are stemmed alike.
 *
 * <p>Durability: changes become durable, and visible to other processes, only at {@link #commit()}
 * (call it at the end of a batch of files). A crash or {@link #close()} before it leaves the last
 * commit as it was. {@link #replaceSource} deletes and adds in one atomic Lucene update, so no
 * commit ever holds half a source. One writer per index: a second gets a {@link DlforgeException};
 * readers ({@link #openReadOnly}) take no lock and see the last commit.
 */
public final class ChunkIndex implements AutoCloseable {
    /** Texts embedded per call, bounding memory for a source with very many chunks. */
    static final int EMBED_BATCH = 256;
    /** Indexing buffer; Lucene's default of 16 MB holds only ~10k 384-d vectors. */
    static final double RAM_BUFFER_MB = 128;
    private static final String USER_EMBEDDER = "dlforge.embedder";
    private static final String USER_DIMENSION = "dlforge.dimension";

    private final Path dir;
    private final Directory directory;
    private final TextEmbedder embedder;
    private final Analyzer analyzer;
    private final IndexWriter writer; // null when read-only
    private final SearcherManager searchers;
    /** Content hash -> source that holds it; rebuilt from the index at open (writer only). */
    private final Map<String, String> hashOwner = new HashMap<>();
    private final Map<String, Set<String>> hashesBySource = new HashMap<>();

    private ChunkIndex(Path dir, Directory directory, TextEmbedder embedder, Analyzer analyzer, IndexWriter writer,
            SearcherManager searchers) {
        this.dir = dir;
        this.directory = directory;
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * Opens the index in {@code dir} for writing, creating it when absent.
     *
     * @throws DlforgeException when another writer holds the lock, the index is corrupt, or it was
     *     built with a different embedder
     */
    public static ChunkIndex open(Path dir, TextEmbedder embedder) {
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            Analyzer analyzer = new EnglishAnalyzer();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    // fewer, larger flushed segments: each segment builds its own HNSW graph
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(directory, config);
            boolean fresh = !DirectoryReader.indexExists(directory);
            if (!fresh) {
                checkEmbedder(dir, SegmentInfos.readLatestCommit(directory).getUserData(), embedder);
            }
            writer.setLiveCommitData(Map.of(USER_EMBEDDER, embedder.name(), USER_DIMENSION, Integer.toString(embedder.dimension())).entrySet());
            if (fresh) {
                writer.commit(); // an empty index that readers can open
            }
            ChunkIndex index = new ChunkIndex(dir, directory, embedder, analyzer, writer, new SearcherManager(writer, null));
            index.loadHashes();
            return index;
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, directory);
            if (e instanceof IOException io) {
                throw IndexOpenFailure.of(dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Opens the last commit of the index in {@code dir} for searching only; takes no lock. */
    public static ChunkIndex openReadOnly(Path dir, TextEmbedder embedder) {
        if (!Files.isDirectory(dir)) {
            throw new DlforgeException("there is no index at " + dir, "build it first with `dlforge rag index DIR`, or name another with --index NAME");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            SearcherManager searchers = new SearcherManager(directory, null);
            IndexSearcher s = searchers.acquire();
            try {
                checkEmbedder(dir, ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData(), embedder);
            } finally {
                searchers.release(s);
            }
            return new ChunkIndex(dir, directory, embedder, new EnglishAnalyzer(), null, searchers);
        } catch (IOException | RuntimeException e) {
            closeQuietly(null, directory);
            if (e instanceof IOException io) {
                throw IndexOpenFailure.of(dir, io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void checkEmbedder(Path dir, Map<String, String> userData, TextEmbedder embedder) {
        String name = userData.get(USER_EMBEDDER);
        String dimension = userData.get(USER_DIMENSION);
        if (name != null && (!name.equals(embedder.name()) || !dimension.equals(Integer.toString(embedder.dimension())))) {
            throw new DlforgeException("the index at " + dir + " holds " + dimension + "-d vectors from " + name
                    + ", not " + embedder.dimension() + "-d vectors from " + embedder.name(),
                    "search it with " + name + ", or delete " + dir + " and index again");
        }
    }

    private void loadHashes() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            StoredFields fields = s.storedFields();
            Set<String> wanted = Set.of(ChunkDocument.SOURCE, ChunkDocument.HASH);
            for (ScoreDoc sd : s.search(ChunkDocument.chunks(), Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                Document d = fields.document(sd.doc, wanted);
                remember(d.get(ChunkDocument.HASH), d.get(ChunkDocument.SOURCE));
            }
        } finally {
            searchers.release(s);
        }
    }

    private void remember(String hash, String source) {
        hashOwner.put(hash, source);
        hashesBySource.computeIfAbsent(source, x -> new HashSet<>()).add(hash);
    }

    /**
     * Replaces every chunk of {@code source} with {@code chunks} (adds them when the source is new),
     * in one atomic update that the next {@link #commit()} makes durable. Chunks whose content hash
     * is already held by another source, or repeated within {@code chunks}, are skipped; only the
     * rest are embedded, {@value #EMBED_BATCH} texts per call.
     *
     * @param fingerprint the caller's fingerprint of the file, returned by {@link #sources()}
     * @return what is now stored for the source
     */
    public synchronized SourceRecord replaceSource(String source, String fingerprint, List<Chunk> chunks) {
        requireWriter();
        Set<String> ids = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<Chunk> kept = new ArrayList<>();
        for (Chunk c : chunks) {
            if (!c.source().equals(source)) {
                throw new IllegalArgumentException("chunk " + c.id() + " is from " + c.source() + ", not " + source);
            }
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("chunk id " + c.id() + " appears twice in " + source);
            }
            String owner = hashOwner.get(c.contentHash());
            boolean elsewhere = owner != null && !owner.equals(source);
            if (!elsewhere && seen.add(c.contentHash())) {
                kept.add(c);
            }
        }
        List<Document> docs = new ArrayList<>(kept.size() + 1);
        for (int from = 0; from < kept.size(); from += EMBED_BATCH) {
            List<Chunk> slice = kept.subList(from, Math.min(kept.size(), from + EMBED_BATCH));
            float[][] vectors = embedder.embed(slice.stream().map(Chunk::text).toList());
            for (int i = 0; i < slice.size(); i++) {
                docs.add(ChunkDocument.chunk(slice.get(i), unit(vectors[i], slice.get(i).id())));
            }
        }
        SourceRecord record = new SourceRecord(source, fingerprint, kept.size(), chunks.size() - kept.size());
        docs.add(ChunkDocument.source(source, fingerprint, record.chunks(), record.duplicates()));
        try {
            writer.updateDocuments(new Term(ChunkDocument.SOURCE, source), docs);
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        }
        forget(source);
        kept.forEach(c -> remember(c.contentHash(), source));
        return record;
    }

    /** Removes every chunk and the record of each source given; unknown sources are ignored. */
    public synchronized void removeSources(Collection<String> sources) {
        requireWriter();
        try {
            for (String source : sources) {
                writer.deleteDocuments(new Term(ChunkDocument.SOURCE, source));
                forget(source);
            }
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        }
    }

    /** Removes the sources that are not in {@code present} (files deleted since the last run); returns them. */
    public synchronized List<String> retainSources(Set<String> present) {
        List<String> gone = sources().keySet().stream().filter(s -> !present.contains(s)).toList();
        removeSources(gone);
        return gone;
    }

    private void forget(String source) {
        Set<String> hashes = hashesBySource.remove(source);
        if (hashes != null) {
            hashes.forEach(h -> hashOwner.remove(h, source));
        }
    }

    private float[] unit(float[] v, String id) {
        if (v.length != embedder.dimension()) {
            throw new IllegalStateException(embedder.name() + " returned " + v.length + " values for " + id + ", not " + embedder.dimension());
        }
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalStateException(embedder.name() + " returned a vector of norm " + norm + " for " + id);
        }
        if (Math.abs(norm - 1) < 1e-4) {
            return v;
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }

    /** Makes every change so far durable and visible to readers in one step. */
    public synchronized void commit() {
        requireWriter();
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        }
    }

    /** Indexed sources by name, sorted; in a writer this includes changes not yet committed. */
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

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
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

    private void requireWriter() {
        if (writer == null) {
            throw new DlforgeException("the index at " + dir + " was opened read-only", "open it with ChunkIndex.open to change it");
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

    /** Closes the index; changes since the last {@link #commit()} are discarded, as after a crash. */
    @Override
    public synchronized void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        }
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing; the original error is the one to report
        }
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // as above
        }
    }
}
