package dev.dlforge.models.retrieval;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;

/**
 * How a {@link Chunk} and a source record are laid out as Lucene documents. Two kinds share the
 * index: one document per chunk, and one per source holding its fingerprint, so a source whose
 * chunks were all duplicates is still known to be indexed.
 */
final class ChunkDocument {
    static final String KIND = "kind";
    static final String KIND_CHUNK = "chunk";
    static final String KIND_SOURCE = "source";
    static final String ID = "id";
    static final String SOURCE = "source";
    static final String HEADING = "heading";
    /** Lower-cased heading as one keyword, for "heading contains" filters. */
    static final String HEADING_LC = "heading_lc";
    static final String PAGE = "page";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";
    static final String HASH = "hash";
    static final String VECTOR = "vector";
    static final String FINGERPRINT = "fingerprint";
    static final String CHUNKS = "chunks";
    static final String DUPLICATES = "duplicates";

    /**
     * Dot product of unit vectors is their cosine; Lucene's score for it is (1 + cos) / 2. Cheaper
     * than COSINE, which re-normalises on every comparison.
     */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private ChunkDocument() {}

    static Query chunks() {
        return new TermQuery(new Term(KIND, KIND_CHUNK));
    }

    static Document chunk(Chunk c, float[] unitVector) {
        Document d = new Document();
        d.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        d.add(new StringField(SOURCE, c.source(), Field.Store.YES));
        d.add(new StoredField(HEADING, c.heading()));
        d.add(new StringField(HEADING_LC, c.heading().toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new IntPoint(PAGE, c.page()));
        d.add(new StoredField(PAGE, c.page()));
        d.add(new StoredField(START, c.start()));
        d.add(new StoredField(END, c.end()));
        d.add(new TextField(TEXT, c.text(), Field.Store.YES));
        d.add(new StringField(HASH, c.contentHash(), Field.Store.YES));
        d.add(new KnnFloatVectorField(VECTOR, unitVector, SIMILARITY));
        return d;
    }

    static Document source(String source, String fingerprint, int chunks, int duplicates) {
        Document d = new Document();
        d.add(new StringField(KIND, KIND_SOURCE, Field.Store.NO));
        d.add(new StringField(SOURCE, source, Field.Store.YES));
        d.add(new StoredField(FINGERPRINT, fingerprint));
        d.add(new StoredField(CHUNKS, chunks));
        d.add(new StoredField(DUPLICATES, duplicates));
        return d;
    }

    static Chunk read(StoredFields fields, int doc) throws java.io.IOException {
        Document d = fields.document(doc);
        return new Chunk(d.get(ID), d.get(SOURCE), d.get(HEADING), d.getField(PAGE).numericValue().intValue(),
                d.getField(START).numericValue().intValue(), d.getField(END).numericValue().intValue(), d.get(TEXT), d.get(HASH));
    }
}
