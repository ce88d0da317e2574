package dev.dlforge.models.retrieval;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds and updates a chunk index on disk ({@link ChunkIndexFormat}), as Lucene's
 * {@link IndexWriter} does its index: embeds the chunks of a source and replaces the source's
 * documents, drops duplicate chunks, removes sources.
 *
 * <p>Durability: changes become durable, and visible to other processes, only at {@link #commit()}
 * (call it at the end of a batch of files). A crash or {@link #close()} before it leaves the last
 * commit as it was. {@link #replaceSource} deletes and adds in one atomic Lucene update, so no
 * commit ever holds half a source. One writer per index: a second gets a {@link DlforgeException};
 * readers ({@link ChunkIndexReader#open}) take no lock and see the last commit.
 */
public final class ChunkIndexWriter implements AutoCloseable {
    /** Texts embedded per call, bounding memory for a source with very many chunks. */
    static final int EMBED_BATCH = 256;
    /** Indexing buffer; Lucene's default of 16 MB holds only ~10k 384-d vectors. */
    static final double RAM_BUFFER_MB = 128;

    private final Path dir;
    private final Directory directory;
    private final TextEmbedder embedder;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ChunkIndexReader reader;
    /** Content hash -> source that holds it; rebuilt from the index at open. */
    private final Map<String, String> hashOwner = new HashMap<>();
    private final Map<String, Set<String>> hashesBySource = new HashMap<>();

    private ChunkIndexWriter(Path dir, Directory directory, TextEmbedder embedder, Analyzer analyzer, IndexWriter writer)
            throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.embedder = embedder;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.reader = new ChunkIndexReader(dir, embedder, analyzer, searchers, null);
    }

    /**
     * Opens the index in {@code dir} for writing, creating it when absent.
     *
     * @throws DlforgeException when another writer holds the lock, the index is corrupt, or it was
     *     built with a different embedder
     */
    public static ChunkIndexWriter open(Path dir, TextEmbedder embedder) {
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            Analyzer analyzer = ChunkIndexFormat.analyzer();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    // fewer, larger flushed segments: each segment builds its own HNSW graph
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(directory, config);
            boolean fresh = !DirectoryReader.indexExists(directory);
            if (!fresh) {
                ChunkIndexFormat.checkEmbedder(dir, SegmentInfos.readLatestCommit(directory).getUserData(), embedder);
            }
            writer.setLiveCommitData(ChunkIndexFormat.commitData(embedder).entrySet());
            if (fresh) {
                writer.commit(); // an empty index that readers can open
            }
            ChunkIndexWriter index = new ChunkIndexWriter(dir, directory, embedder, analyzer, writer);
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

    private void loadHashes() {
        reader.withSearcher(s -> {
            StoredFields fields = s.storedFields();
            Set<String> wanted = Set.of(ChunkDocument.SOURCE, ChunkDocument.HASH);
            for (ScoreDoc sd : s.search(ChunkDocument.chunks(), Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                Document d = fields.document(sd.doc, wanted);
                remember(d.get(ChunkDocument.HASH), d.get(ChunkDocument.SOURCE));
            }
            return null;
        });
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
        List<String> gone = reader.sources().keySet().stream().filter(s -> !present.contains(s)).toList();
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
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw IndexOpenFailure.of(dir, e);
        }
    }

    /**
     * Searches this writer's index, including changes not yet committed. It belongs to the writer:
     * closing it does nothing, and it closes with the writer.
     */
    public ChunkIndexReader reader() {
        return reader;
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    public Path directory() {
        return dir;
    }

    /** Closes the index; changes since the last {@link #commit()} are discarded, as after a crash. */
    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
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
