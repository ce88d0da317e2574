package dev.dlforge.models.retrieval;

import static dev.dlforge.models.retrieval.SmallCorpus.chunk;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link ChunkIndexCrashTest}: commits one source, then changes the index
 * without committing, makes the writer flush those changes to segment files, and dies without
 * closing anything (as on kill -9 or power loss of the process).
 */
public final class CrashingIndexWriter {
    public static void main(String[] args) {
        ChunkIndexWriter index = ChunkIndexWriter.open(Path.of(args[0]), SharedMiniLm.embedder());
        index.replaceSource("a.txt", "1", List.of(chunk("a#0", "a.txt", "", 0, "Committed albatross text.")));
        index.commit();
        index.replaceSource("a.txt", "2", List.of(chunk("a#0", "a.txt", "", 0, "Uncommitted replacement about a kraken.")));
        index.replaceSource("b.txt", "1", List.of(chunk("b#0", "b.txt", "", 0, "Uncommitted zeppelin text.")));
        System.out.println("uncommitted sources: " + index.reader().sources().keySet()); // refreshes, so segments hit the disk
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }
}
