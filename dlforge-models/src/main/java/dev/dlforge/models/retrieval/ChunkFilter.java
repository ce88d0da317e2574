package dev.dlforge.models.retrieval;

import java.util.Locale;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Restricts retrieval to chunks whose metadata match. Every condition is part of the Lucene query
 * (a FILTER clause for BM25, the pre-filter of the HNSW search for vectors), so k results come
 * back even when most of the index is filtered out.
 *
 * @param sourcePrefix the source starts with this; empty for any
 * @param minPage lowest page, inclusive; 0 for no bound
 * @param maxPage highest page, inclusive; {@code Integer.MAX_VALUE} for no bound
 * @param headingContains the heading contains this, ignoring case; empty for any
 */
public record ChunkFilter(String sourcePrefix, int minPage, int maxPage, String headingContains) {
    public ChunkFilter {
        sourcePrefix = sourcePrefix == null ? "" : sourcePrefix;
        headingContains = headingContains == null ? "" : headingContains;
        if (minPage < 0 || maxPage < minPage) {
            throw new IllegalArgumentException("page range must satisfy 0 <= min <= max, got " + minPage + ".." + maxPage);
        }
    }

    public static ChunkFilter none() {
        return new ChunkFilter("", 0, Integer.MAX_VALUE, "");
    }

    public static ChunkFilter sourcePrefix(String prefix) {
        return none().withSourcePrefix(prefix);
    }

    public ChunkFilter withSourcePrefix(String prefix) {
        return new ChunkFilter(prefix, minPage, maxPage, headingContains);
    }

    public ChunkFilter withPages(int min, int max) {
        return new ChunkFilter(sourcePrefix, min, max, headingContains);
    }

    public ChunkFilter withHeadingContaining(String text) {
        return new ChunkFilter(sourcePrefix, minPage, maxPage, text);
    }

    /** Chunks (never source records) that pass every condition. */
    Query toQuery() {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(ChunkDocument.chunks(), BooleanClause.Occur.FILTER);
        if (!sourcePrefix.isEmpty()) {
            q.add(new PrefixQuery(new Term(ChunkDocument.SOURCE, sourcePrefix)), BooleanClause.Occur.FILTER);
        }
        if (minPage > 0 || maxPage < Integer.MAX_VALUE) {
            q.add(IntPoint.newRangeQuery(ChunkDocument.PAGE, minPage, maxPage), BooleanClause.Occur.FILTER);
        }
        if (!headingContains.isEmpty()) {
            String escaped = headingContains.toLowerCase(Locale.ROOT).replaceAll("([*?\\\\])", "\\\\$1");
            q.add(new WildcardQuery(new Term(ChunkDocument.HEADING_LC, "*" + escaped + "*")), BooleanClause.Occur.FILTER);
        }
        return q.build();
    }
}
