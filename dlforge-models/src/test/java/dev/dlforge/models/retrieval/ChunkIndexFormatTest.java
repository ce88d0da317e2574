package dev.dlforge.models.retrieval;

import static dev.dlforge.models.retrieval.SmallCorpus.chunk;
import static dev.dlforge.models.retrieval.SmallCorpus.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk format did not change when {@code ChunkIndex} was split into a writer and a reader
 * (issue 14): an index written before the split (the fixture {@code chunk-index-552cb85}, see its
 * README) opens for reading and appending, and an index written now holds the same fields, stored
 * values and commit data.
 */
class ChunkIndexFormatTest {
    private static final String FIXTURE = "chunk-index-552cb85";
    private static final List<String> FIXTURE_FILES = List.of("_2.fdm", "_2.fdt", "_2.fdx", "_2.fnm", "_2.kdd", "_2.kdi", "_2.kdm",
            "_2.nvd", "_2.nvm", "_2.si", "_2_Lucene912_0.doc", "_2_Lucene912_0.pos", "_2_Lucene912_0.psm", "_2_Lucene912_0.tim",
            "_2_Lucene912_0.tip", "_2_Lucene912_0.tmd", "_2_Lucene99HnswVectorsFormat_0.vec", "_2_Lucene99HnswVectorsFormat_0.vem",
            "_2_Lucene99HnswVectorsFormat_0.vemf", "_2_Lucene99HnswVectorsFormat_0.vex", "segments_3");
    private static final TextEmbedder EMBEDDER = new RandomUnitEmbedder(8);

    @TempDir
    Path tmp;

    /** A writable copy of the fixture. */
    private Path fixture() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        for (String name : FIXTURE_FILES) {
            try (InputStream in = ChunkIndexFormatTest.class.getResourceAsStream("/" + FIXTURE + "/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }

    /** The fixture's content written by today's writer, as its README says the fixture was written. */
    private Path writtenNow() {
        Path dir = tmp.resolve("new");
        try (ChunkIndexWriter index = ChunkIndexWriter.open(dir, EMBEDDER)) {
            SmallCorpus.indexInto(index);
            index.replaceSource("docs/whales.md", "v2", List.of(chunk("whales#0", "docs/whales.md", "Whaling", 0,
                    "A narwhal has a single long spiral tusk.")));
            index.commit();
        }
        return dir;
    }

    @Test
    void anIndexWrittenBeforeTheSplitOpensForSearching() throws IOException {
        try (ChunkIndexReader reader = ChunkIndexReader.open(fixture(), EMBEDDER)) {
            assertThat(reader.sources()).isEqualTo(new TreeMap<>(Map.of(
                    "docs/cooking.md", new SourceRecord("docs/cooking.md", "v1", 2, 0),
                    "docs/whales.md", new SourceRecord("docs/whales.md", "v2", 1, 0),
                    "notes/cars.txt", new SourceRecord("notes/cars.txt", "v1", 3, 0))));
            assertThat(reader.chunkCount()).isEqualTo(6);
            Bm25Retriever bm25 = new Bm25Retriever(reader);
            assertThat(ids(bm25.retrieve("narwhal tusk", 5, ChunkFilter.none()))).containsExactly("whales#0");
            assertThat(bm25.retrieve("ambergris", 5, ChunkFilter.none())).as("the replaced chunk is gone").isEmpty();
            String battery = "Replacing the battery fixed the ignition problem.";
            float[] expected = EMBEDDER.embed(List.of(battery))[0];
            assertThat(reader.vectors(List.of("cars#1")).get("cars#1")).containsExactly(expected);
            assertThat(reader.exactNearest(expected, 1)).containsExactly("cars#1");
            assertThat(ids(new VectorRetriever(reader).retrieve(battery, 1, ChunkFilter.none()))).containsExactly("cars#1");
        }
    }

    @Test
    void anIndexWrittenBeforeTheSplitOpensForAppending() throws IOException {
        Path dir = fixture();
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(dir, EMBEDDER)) {
            String cake = "Whisk the eggs with sugar until the mixture is pale and fluffy.";
            assertThat(writer.replaceSource("c.txt", "1", List.of(chunk("c#0", "c.txt", "", 0, cake))).duplicates())
                    .as("the dedup memory is read from the old index").isEqualTo(1);
            writer.replaceSource("d.txt", "1", List.of(chunk("d#0", "d.txt", "", 0, "A brand new albatross.")));
            writer.commit();
        }
        try (ChunkIndexReader reader = ChunkIndexReader.open(dir, EMBEDDER)) {
            assertThat(reader.sources()).containsOnlyKeys("docs/cooking.md", "docs/whales.md", "notes/cars.txt", "c.txt", "d.txt");
            assertThat(reader.chunkCount()).isEqualTo(7);
        }
        assertThatThrownBy(() -> ChunkIndexReader.open(dir, new RandomUnitEmbedder(16))).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("8-d vectors from random-unit");
    }

    @Test
    void anIndexWrittenNowHasTheFieldsStoredValuesAndCommitDataOfOne() throws IOException {
        Path old = fixture();
        Path now = writtenNow();
        assertThat(layout(now)).isEqualTo(layout(old));
        assertThat(layout(old)).anyMatch(l -> l.startsWith("commit ")).anyMatch(l -> l.startsWith("field vector"))
                .anyMatch(l -> l.startsWith("doc "));
    }

    /**
     * What an index holds apart from Lucene's random segment ids: the commit data, each segment's
     * codec, each field's indexing options, and every live document's stored fields, sorted.
     */
    private static List<String> layout(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        TreeSet<String> docs = new TreeSet<>();
        TreeSet<String> fields = new TreeSet<>();
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            out.add("commit " + new TreeMap<>(infos.getUserData()));
            for (SegmentCommitInfo info : infos) {
                out.add("codec " + info.info.getCodec().getName());
            }
            for (LeafReaderContext leaf : r.leaves()) {
                for (FieldInfo f : leaf.reader().getFieldInfos()) {
                    fields.add("field " + f.getName() + " " + f.getIndexOptions() + " norms=" + !f.omitsNorms() + " docValues="
                            + f.getDocValuesType() + " points=" + f.getPointDimensionCount() + " vector=" + f.getVectorDimension()
                            + "/" + f.getVectorEncoding() + "/" + f.getVectorSimilarityFunction());
                }
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document document = stored.document(doc);
                        docs.add("doc " + document.getFields().stream().map(f -> f.name() + "=" + f.stringValue()
                                + (f.numericValue() != null ? "#" + f.numericValue() : "")).toList());
                    }
                }
            }
        }
        out.addAll(fields);
        out.addAll(docs);
        return out;
    }
}
