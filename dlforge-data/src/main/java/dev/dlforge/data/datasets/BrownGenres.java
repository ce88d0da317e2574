package dev.dlforge.data.datasets;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.read.BrownReader;
import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.Passages;
import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.data.text.TextClassificationDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Brown corpus's 500 documents (~2,300 tokens each) cut into passages of about
 * {@value #PASSAGE_TOKENS} tokens on sentence boundaries, detokenised to readable text, each
 * labelled with its document's genre ({@code brown-genres}, 15 classes) or news against the rest
 * ({@code brown-news}, 2 classes, news = 1). A passage's group is its document, so a split can hold
 * out whole documents. The genres are imbalanced: learned has 80 documents, science fiction 6.
 * Same files as {@link BrownCorpus}.
 */
public final class BrownGenres implements TextClassificationDataset {
    public static final String GENRES_ID = "brown-genres";
    public static final String NEWS_ID = "brown-news";
    /** The 15 genres of {@code cats.txt}, in alphabetical order (the label order). */
    public static final List<String> GENRES = List.of("adventure", "belles_lettres", "editorial", "fiction", "government", "hobbies",
            "humor", "learned", "lore", "mystery", "news", "religion", "reviews", "romance", "science_fiction");
    public static final List<String> NEWS_CLASSES = List.of("rest", "news");
    public static final int PASSAGE_TOKENS = 150;
    /** With a limit, every genre still gets passages from at least this many documents (so each can be held out). */
    static final int MIN_DOCUMENTS_PER_GENRE = 3;
    private final boolean newsVsRest;

    private BrownGenres(boolean newsVsRest) {
        this.newsVsRest = newsVsRest;
    }

    public static BrownGenres genres() {
        return new BrownGenres(false);
    }

    public static BrownGenres newsVsRest() {
        return new BrownGenres(true);
    }

    @Override
    public DatasetSpec spec() {
        return newsVsRest
                ? BrownCorpus.spec(NEWS_ID, "Brown news vs rest", "Brown passages of ~150 tokens: news (44 documents) against the other 14 genres (456)")
                : BrownCorpus.spec(GENRES_ID, "Brown genres", "Brown passages of ~150 tokens labelled with their document's genre (15, imbalanced)");
    }

    public List<String> classes() {
        return newsVsRest ? NEWS_CLASSES : GENRES;
    }

    /**
     * Reads the documents and cuts them into passages. With a {@code limit}, each genre gets a share
     * of it in proportion to its passages (at least {@value #MIN_DOCUMENTS_PER_GENRE}), taken one
     * passage per document in turn from its documents shuffled with {@code seed}, so a small sample
     * still spans many documents. A document of a genre not among the 15 is skipped and counted in
     * {@code repairs}, as are the reader's repairs (malformed tokens, over-long sentences).
     */
    @Override
    public LabeledTexts read(Path dir, int limit, long seed, TextRepairs repairs) throws IOException {
        return of(BrownReader.readAll(dir, repairs), limit, seed, repairs); // the pipeline prints what was repaired
    }

    /** The passages of {@code docs} as labelled texts; see {@link #read}. */
    public LabeledTexts of(List<BrownDocument> docs, int limit, long seed, TextRepairs repairs) {
        Map<String, List<List<String>>> byGenre = new LinkedHashMap<>(); // genre -> documents' passages
        Map<String, List<String>> docIds = new LinkedHashMap<>();
        int total = 0;
        for (BrownDocument d : docs) {
            if (!GENRES.contains(d.genre())) {
                repairs.add(TextRepairs.SKIPPED);
                continue;
            }
            List<String> passages = Passages.cut(d.sentences().stream().map(TaggedSentence::words).toList(), PASSAGE_TOKENS);
            if (passages.isEmpty()) {
                repairs.add(TextRepairs.SKIPPED);
                continue;
            }
            byGenre.computeIfAbsent(d.genre(), g -> new ArrayList<>()).add(passages);
            docIds.computeIfAbsent(d.genre(), g -> new ArrayList<>()).add(d.id());
            total += passages.size();
        }
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Random rng = new Random(seed);
        for (String genre : byGenre.keySet()) {
            List<List<String>> genreDocs = byGenre.get(genre);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < genreDocs.size(); i++) {
                order.add(i);
            }
            int genrePassages = genreDocs.stream().mapToInt(List::size).sum();
            int quota = limit <= 0 ? genrePassages
                    : Math.min(genrePassages, Math.max(MIN_DOCUMENTS_PER_GENRE, (int) Math.round((double) limit * genrePassages / total)));
            if (limit > 0) {
                Collections.shuffle(order, rng);
            }
            int label = newsVsRest ? ("news".equals(genre) ? 1 : 0) : GENRES.indexOf(genre);
            // round r takes passage r of every document that has one, until the quota is met
            List<int[]> picked = new ArrayList<>(); // (document, passage)
            for (int round = 0; picked.size() < quota; round++) {
                for (int d : order) {
                    if (round < genreDocs.get(d).size() && picked.size() < quota) {
                        picked.add(new int[] {d, round});
                    }
                }
            }
            picked.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            for (int[] p : picked) {
                String doc = docIds.get(genre).get(p[0]);
                texts.add(genreDocs.get(p[0]).get(p[1]));
                labels.add(label);
                groups.add(doc);
                ids.add(doc + "#" + (p[1] + 1));
            }
        }
        return new LabeledTexts(classes(), texts, labels.stream().mapToInt(Integer::intValue).toArray(), groups, ids);
    }
}
