package dev.dlforge.projects.rag;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.progress.Progress;
import dev.dlforge.data.docs.Chunker;
import dev.dlforge.data.docs.ChunkerConfig;
import dev.dlforge.data.docs.DocumentReaders;
import dev.dlforge.data.docs.DocumentResult;
import dev.dlforge.data.docs.DocumentText;
import dev.dlforge.data.docs.FolderWalk;
import dev.dlforge.data.docs.Skipped;
import dev.dlforge.data.text.TextRepairs;
import dev.dlforge.models.retrieval.Chunk;
import dev.dlforge.models.retrieval.ChunkIndexWriter;
import dev.dlforge.models.retrieval.SourceRecord;
import dev.dlforge.models.text.MiniLmEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ProgressBar;

/**
 * Puts files and folders (walked recursively by {@link FolderWalk}: hidden entries left out, symbolic
 * links inside a folder not followed unless asked) into a {@link ChunkIndexWriter}:
 * each file is read by {@link DocumentReaders}, cut by {@link Chunker} into chunks of at most 200
 * MiniLM WordPiece tokens with 40 of overlap, and stored under its absolute path as source.
 *
 * <p>Incremental: a file whose {@link FileFingerprint} equals the one stored is not read again; a
 * changed one has its chunks replaced in one atomic update; a source under a given folder (or given
 * as a file) whose file is gone or no longer readable is removed, as is any source whose file no
 * longer exists. The index is committed every {@code commitEvery} files and at the end, so a crash
 * loses at most the files since the last commit and never leaves half a file.
 */
public final class RagIndexer {
    /** Files between commits: a commit costs a sync of the index to disk. */
    public static final int COMMIT_EVERY = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final DocumentReaders readers = new DocumentReaders();
    private final Chunker chunker;
    private final int commitEvery;

    public RagIndexer(ChunkerConfig config, ToIntFunction<String> tokenCount, int commitEvery) {
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1");
        }
        this.chunker = new Chunker(config, tokenCount);
        this.commitEvery = commitEvery;
    }

    /** 200-token chunks with 40 of overlap, counted by MiniLM's own WordPiece tokenizer ([CLS] and [SEP] included). */
    public static RagIndexer miniLm(MiniLmEncoder encoder) {
        return new RagIndexer(ChunkerConfig.defaults(), s -> encoder.tokenizer().encode(s).length, COMMIT_EVERY);
    }

    /** {@code $DLFORGE_HOME/rag/<name>}; the name is a plain folder name. */
    public static Path home(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DlforgeException("index name '" + name + "' is not a plain name",
                    "use letters, digits, '.', '_' or '-' (at most 64), e.g. --index notes");
        }
        return DlforgeHome.current().root().resolve("rag").resolve(name);
    }

    /** Indexes {@code inputs} into {@code index} without following links out of them; see {@link #index(List, ChunkIndexWriter, FolderWalk.Links)}. */
    public IndexSummary index(List<Path> inputs, ChunkIndexWriter index) {
        return index(inputs, index, FolderWalk.Links.SKIP);
    }

    /**
     * Indexes {@code inputs} into {@code index}, printing a progress bar on stderr; commits. Folders
     * are walked by {@link FolderWalk}: with {@link FolderWalk.Links#SKIP} a symbolic link inside
     * them is reported as skipped, and a source indexed through one before is removed.
     */
    public IndexSummary index(List<Path> inputs, ChunkIndexWriter index, FolderWalk.Links links) {
        FolderWalk.Listing listing = FolderWalk.of(inputs, links);
        List<Skipped> skipped = new ArrayList<>(listing.skipped());
        List<Path> files = listing.files();
        Map<String, SourceRecord> before = index.reader().sources();
        Set<String> seen = new HashSet<>();
        int indexed = 0;
        int unchanged = 0;
        int added = 0;
        int duplicates = 0;
        int sinceCommit = 0;
        TextRepairs repairs = new TextRepairs();
        try (ProgressBar bar = Progress.bar("indexing", files.size(), 0, "file", 1)) {
            for (Path file : files) {
                bar.step();
                String source = sourceOf(file);
                if (!DocumentReaders.supports(file)) {
                    skipped.add(readers.read(file, repairs) instanceof Skipped s ? s : new Skipped(file, Skipped.Reason.UNSUPPORTED, ""));
                    continue;
                }
                String fingerprint;
                try {
                    fingerprint = FileFingerprint.of(file);
                } catch (IOException e) {
                    skipped.add(new Skipped(file, Skipped.Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage()));
                    continue;
                }
                SourceRecord old = before.get(source);
                if (old != null && fingerprint.equals(old.fingerprint())) {
                    seen.add(source);
                    unchanged++;
                    continue;
                }
                DocumentResult read = readers.read(file, repairs);
                if (read instanceof Skipped s) {
                    skipped.add(s);
                    continue;
                }
                List<Chunk> chunks = chunks(source, (DocumentText) read);
                if (chunks.isEmpty()) {
                    skipped.add(new Skipped(file, Skipped.Reason.NO_TEXT, "no chunk of text"));
                    continue;
                }
                SourceRecord record = index.replaceSource(source, fingerprint, chunks);
                seen.add(source);
                indexed++;
                added += record.chunks();
                duplicates += record.duplicates();
                if (++sinceCommit == commitEvery) {
                    index.commit();
                    sinceCommit = 0;
                }
            }
        }
        List<String> gone = gone(before.keySet(), seen, inputs);
        index.removeSources(gone);
        index.commit();
        return new IndexSummary(indexed, unchanged, gone, skipped, added, duplicates, index.reader().chunkCount());
    }

    /** The data layer's chunks as the index stores them, with ids {@code source#n}. */
    List<Chunk> chunks(String source, DocumentText doc) {
        List<Chunk> out = new ArrayList<>();
        for (dev.dlforge.data.docs.Chunk c : chunker.chunk(doc)) {
            out.add(new Chunk(source + "#" + c.ordinal(), source, c.heading(), c.page() == null ? 0 : c.page(), c.start(), c.end(), c.text(),
                    c.hash()));
        }
        return out;
    }

    /** Sources of the index that were under an input but not indexed now, or whose file is gone. */
    private static List<String> gone(Set<String> before, Set<String> seen, List<Path> inputs) {
        List<String> roots = inputs.stream().map(RagIndexer::sourceOf).toList();
        List<String> out = new ArrayList<>();
        for (String source : before) {
            if (seen.contains(source)) {
                continue;
            }
            boolean underInput = roots.stream().anyMatch(r -> source.equals(r) || source.startsWith(r.endsWith("/") ? r : r + "/"));
            if (underInput || !Files.exists(Path.of(source))) {
                out.add(source);
            }
        }
        return out;
    }

    /** The source name of a file: its absolute, normalised path. */
    static String sourceOf(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
