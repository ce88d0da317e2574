package dev.dlforge.models.retrieval;

import dev.dlforge.core.DlforgeException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.LockObtainFailedException;

/** Turns Lucene's I/O failures on an index directory into errors that say what to do. */
final class IndexOpenFailure {
    private IndexOpenFailure() {}

    static DlforgeException of(Path dir, IOException e) {
        if (e instanceof LockObtainFailedException) {
            return new DlforgeException("the index at " + dir + " is locked: another writer holds "
                    + dir.resolve("write.lock") + " (" + e.getMessage() + ")",
                    "wait for the other `dlforge rag index` to finish; searching works meanwhile. If no other"
                            + " process is running, delete " + dir.resolve("write.lock"), e);
        }
        if (e instanceof IndexNotFoundException) {
            return new DlforgeException("there is no index at " + dir, "build it first with `dlforge rag index DIR`, or name another with --index NAME", e);
        }
        if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return new DlforgeException("the index at " + dir + " was written by an incompatible Lucene version: "
                    + e.getMessage(), "delete " + dir + " and run `dlforge rag index` again to rebuild it", e);
        }
        if (e instanceof CorruptIndexException || e instanceof EOFException || e instanceof NoSuchFileException) {
            return new DlforgeException("the index at " + dir + " is corrupt: " + e.getMessage(),
                    "delete " + dir + " and run `dlforge rag index` again to rebuild it", e);
        }
        return new DlforgeException("could not read the index at " + dir + ": " + e,
                "check that the directory is readable and the disk is not full; if it persists, delete " + dir
                        + " and run `dlforge rag index` again", e);
    }
}
