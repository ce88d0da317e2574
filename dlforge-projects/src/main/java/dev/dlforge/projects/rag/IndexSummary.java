package dev.dlforge.projects.rag;

import dev.dlforge.data.docs.Skipped;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one {@code dlforge rag index} did.
 *
 * @param indexed files read and (re)indexed: new or changed since the last run
 * @param unchanged files whose fingerprint matched the index, not read again
 * @param removed sources dropped because their file is gone
 * @param skipped files not indexed, each with its reason
 * @param chunksAdded chunks stored for the indexed files
 * @param duplicates chunks not stored because the same text is already indexed
 * @param totalChunks chunks in the whole index afterwards
 */
public record IndexSummary(int indexed, int unchanged, List<String> removed, List<Skipped> skipped, int chunksAdded, int duplicates,
        int totalChunks) {
    public IndexSummary {
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
    }

    /** Skipped files counted by reason label, e.g. {@code {"binary content": 1, "empty": 2}}. */
    public Map<String, Long> skippedByReason() {
        return skipped.stream().collect(Collectors.groupingBy(s -> s.reason().label(), TreeMap::new, Collectors.counting()));
    }

    /** Symbolic links inside the indexed folders that were not followed. */
    public long linksSkipped() {
        return skipped.stream().filter(s -> s.reason() == Skipped.Reason.LINK).count();
    }

    /** One summary line, then one line per skipped file. */
    public void print(PrintStream out) {
        String reasons = skipped.isEmpty() ? "" : " (" + skippedByReason().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")";
        out.printf(Locale.ROOT, "indexed %d file(s), %d unchanged, %d removed, %d skipped%s; %d chunk(s) added, %d duplicate(s); "
                + "%d chunk(s) in the index%n", indexed, unchanged, removed.size(), skipped.size(), reasons, chunksAdded, duplicates, totalChunks);
        for (Skipped s : skipped) {
            out.println("  skipped " + s);
        }
        for (String r : removed) {
            out.println("  removed " + r);
        }
    }
}
