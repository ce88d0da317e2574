package dev.dlforge.models.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Lexical retrieval with Lucene's BM25 (k1 = 1.2, b = 0.75):
 * score(q, d) = sum over query terms t of idf(t) * tf(t,d) (k1 + 1) / (tf(t,d) + k1 (1 - b + b |d| / avgdl)).
 *
 * <p>The query goes through the index's own analyzer, so it is stemmed like the text; it is not
 * parsed as Lucene syntax, so any characters are safe. A term repeated in the query weighs that
 * many times. At most {@value #MAX_TERMS} distinct terms are used (the first ones), which keeps a
 * 10,000-character query under Lucene's clause limit.
 */
public final class Bm25Retriever implements Retriever {
    static final int MAX_TERMS = 512;
    private final ChunkIndexReader index;

    public Bm25Retriever(ChunkIndexReader index) {
        this.index = index;
    }

    @Override
    public String name() {
        return "bm25";
    }

    /** Chunks containing any query term, by BM25; empty when the query has only stop words or punctuation. */
    @Override
    public List<ScoredChunk> retrieve(String query, int k, ChunkFilter filter) {
        Retriever.checkQuery(query, k);
        Map<String, Integer> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        terms.forEach((term, count) -> {
            Query t = new TermQuery(new Term(ChunkDocument.TEXT, term));
            text.add(count == 1 ? t : new BoostQuery(t, count), BooleanClause.Occur.SHOULD);
        });
        Query q = new BooleanQuery.Builder()
                .add(text.build(), BooleanClause.Occur.MUST)
                .add(filter.toQuery(), BooleanClause.Occur.FILTER)
                .build();
        return index.search(q, k, name());
    }

    /** Distinct analyzed terms in order of first appearance, with their counts. */
    private Map<String, Integer> terms(String query) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        try (TokenStream tokens = index.analyzer().tokenStream(ChunkDocument.TEXT, query)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String t = term.toString();
                if (terms.containsKey(t) || terms.size() < MAX_TERMS) {
                    terms.merge(t, 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query in memory", e);
        }
        return terms;
    }
}
