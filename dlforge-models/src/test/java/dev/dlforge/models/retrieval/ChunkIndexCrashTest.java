package dev.dlforge.models.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class ChunkIndexCrashTest {
    @TempDir
    Path dir;

    @Test
    void aProcessKilledMidIndexLeavesTheLastCommitReadable() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingIndexWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("uncommitted sources: [a.txt, b.txt]");

        // the uncommitted segment did reach the disk, beside the last commit
        Collection<String> committed;
        try (FSDirectory d = FSDirectory.open(dir)) {
            committed = SegmentInfos.readLatestCommit(d).files(true);
        }
        List<String> onDisk;
        try (var files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(onDisk).contains("write.lock").anyMatch(f -> !committed.contains(f) && !f.equals("write.lock"));

        try (ChunkIndexWriter index = ChunkIndexWriter.open(dir, SharedMiniLm.embedder())) { // the dead process's lock is gone
            assertThat(index.reader().sources()).containsOnlyKeys("a.txt");
            assertThat(index.reader().sources().get("a.txt").fingerprint()).isEqualTo("1");
            Bm25Retriever bm25 = new Bm25Retriever(index.reader());
            assertThat(SmallCorpus.ids(bm25.retrieve("albatross", 3, ChunkFilter.none()))).containsExactly("a#0");
            assertThat(bm25.retrieve("kraken zeppelin", 3, ChunkFilter.none())).isEmpty();
        }
    }
}
