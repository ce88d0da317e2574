package dev.dlforge.projects.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.datasets.BrownGenres;
import dev.dlforge.data.text.LabeledTexts;
import dev.dlforge.data.text.TextSplit;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.text.TextClassifierRecipe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class TopicsProjectTest {

    @Test
    void isBuiltInTheCatalogueInPlaceOfItsRoadmapEntry() {
        List<String> ids = Catalogue.standard().all().stream().map(p -> p.info().id()).toList();
        assertThat(Catalogue.standard().get("topics")).isInstanceOf(TopicsProject.class);
        assertThat(ids.indexOf("topics")).isEqualTo(ids.indexOf("pos") + 1); // roadmap order kept
        assertThat(new TopicsProject().models()).containsExactly("all", "naive-bayes", "tfidf-logreg", "minilm");
        assertThat(new TopicsProject().demo().prompt()).isEqualTo("Paste a paragraph; the model guesses its Brown genre.");
    }

    @Test
    void newsIsThePositiveClassOfNewsVsRestAndGenresAreMacroAveraged() {
        TopicsProject p = new TopicsProject();
        TextClassifierRecipe genres = p.defaultsForTest().validated();
        assertThat(genres.data().dataset()).isEqualTo(BrownGenres.GENRES_ID);
        assertThat(p.positiveClass(genres)).isEqualTo(-1);
        TextClassifierRecipe news = Recipes.with(genres, "data.dataset", BrownGenres.NEWS_ID);
        assertThat(BrownGenres.NEWS_CLASSES.get(p.positiveClass(news))).isEqualTo("news");
    }

    @Test
    void theRunsSplitHoldsOutWholeDocuments() {
        List<String> texts = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int d = 0; d < 150; d++) {
            for (int k = 0; k < 8; k++) {
                texts.add("doc " + d + " passage " + k);
                groups.add("d" + d);
                labels.add(d % 15);
            }
        }
        LabeledTexts all = new LabeledTexts(BrownGenres.GENRES, texts, labels.stream().mapToInt(Integer::intValue).toArray(), groups, texts);
        TextSplit s = new TopicsProject().split(all, new TopicsProject().defaultsForTest());
        assertThat(new HashSet<>(s.train().groups())).doesNotContainAnyElementsOf(s.test().groups())
                .doesNotContainAnyElementsOf(s.validation().groups());
        assertThat(new HashSet<>(s.test().groups())).hasSize(30); // 2 of each genre's 10 documents (1 validation, 7 training)
        assertThat(new HashSet<>(s.validation().groups())).hasSize(15);
    }
}
