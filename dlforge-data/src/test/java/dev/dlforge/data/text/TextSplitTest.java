package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class TextSplitTest {

    private static LabeledTexts data() {
        List<String> texts = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int[] labels = new int[300];
        for (int i = 0; i < 300; i++) {
            String g = i < 200 ? "big" : i < 280 ? "mid" : "small";
            texts.add("text " + i);
            groups.add(g);
            labels[i] = g.equals("mid") ? 1 : 0;
        }
        return new LabeledTexts(List.of("a", "b"), texts, labels, groups, texts);
    }

    @Test
    void aPublishedTestGroupIsHeldOutWholeAndTheOtherGroupsGiveValidation() {
        TextSplit s = TextSplit.withTestGroups(data(), java.util.Set.of("mid"), 0.1, 42);
        assertThat(s.test().groups()).hasSize(80).containsOnly("mid");
        assertThat(s.validation().size()).isEqualTo(20 + 2);
        assertThat(s.train().groups()).doesNotContain("mid").hasSize(180 + 18);
        assertThat(s.note()).contains("mid held out");
    }

    @Test
    void everyGroupIsSplitInTheSameProportionsAndThePartsAreDisjoint() {
        TextSplit s = TextSplit.byGroup(data(), 0.1, 0.2, 42);
        assertThat(s.test().groups().stream().filter("big"::equals).count()).isEqualTo(40);
        assertThat(s.test().groups().stream().filter("mid"::equals).count()).isEqualTo(16);
        assertThat(s.test().groups().stream().filter("small"::equals).count()).isEqualTo(4);
        assertThat(s.validation().size()).isEqualTo(20 + 8 + 2);
        assertThat(s.train().size() + s.validation().size() + s.test().size()).isEqualTo(300);
        List<String> all = new ArrayList<>(s.train().texts());
        all.addAll(s.validation().texts());
        all.addAll(s.test().texts());
        assertThat(all).doesNotHaveDuplicates();
        assertThat(TextSplit.byGroup(data(), 0.1, 0.2, 42).test().texts()).isEqualTo(s.test().texts());
        assertThat(TextSplit.byGroup(data(), 0.1, 0.2, 43).test().texts()).isNotEqualTo(s.test().texts());
    }

    @Test
    void sampleKeepsEveryGroup() {
        LabeledTexts small = data().sample(30, 1);
        assertThat(small.size()).isEqualTo(30);
        assertThat(small.byGroup()).containsOnlyKeys("big", "mid", "small");
    }

    /** 3 classes with 2, 7 and 30 documents of 1 to 12 passages each. */
    private static LabeledTexts documents() {
        List<String> texts = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int[] docsPerClass = {2, 7, 30};
        for (int c = 0; c < 3; c++) {
            for (int d = 0; d < docsPerClass[c]; d++) {
                for (int p = 0; p <= (c * 7 + d * 5) % 12; p++) {
                    texts.add("class " + c + " doc " + d + " passage " + p);
                    groups.add("c" + c + "d" + d);
                    labels.add(c);
                }
            }
        }
        return new LabeledTexts(List.of("rare", "mid", "common"), texts, labels.stream().mapToInt(Integer::intValue).toArray(), groups, texts);
    }

    @Test
    void wholeGroupSplitNeverPutsOneDocumentOnTwoSides() {
        LabeledTexts all = documents();
        for (long seed = 0; seed < 20; seed++) {
            TextSplit s = TextSplit.byWholeGroup(all, 0.1, 0.2, seed);
            java.util.Set<String> train = new java.util.HashSet<>(s.train().groups());
            java.util.Set<String> val = new java.util.HashSet<>(s.validation().groups());
            java.util.Set<String> test = new java.util.HashSet<>(s.test().groups());
            assertThat(train).doesNotContainAnyElementsOf(test).doesNotContainAnyElementsOf(val);
            assertThat(val).doesNotContainAnyElementsOf(test);
            assertThat(s.train().size() + s.validation().size() + s.test().size()).isEqualTo(all.size());
            // every class is tested and trained on, even the one with two documents
            assertThat(java.util.Arrays.stream(s.test().classCounts()).min().getAsInt()).isPositive();
            assertThat(java.util.Arrays.stream(s.train().classCounts()).min().getAsInt()).isPositive();
            // fractions count documents: 6 of the 30 common ones are tested, 1 of 7, 1 of 2
            assertThat(test).hasSize(6 + 1 + 1);
            assertThat(val).hasSize(3 + 1 + 0);
        }
        // the within-group split, by contrast, does spread a document over the parts
        TextSplit mixed = TextSplit.byGroup(all, 0.1, 0.2, 1);
        assertThat(new java.util.HashSet<>(mixed.train().groups())).containsAnyElementsOf(mixed.test().groups());
        assertThat(TextSplit.byWholeGroup(all, 0.1, 0.2, 3).test().texts()).isEqualTo(TextSplit.byWholeGroup(all, 0.1, 0.2, 3).test().texts());
        assertThat(TextSplit.byWholeGroup(all, 0.1, 0.2, 3).test().groups()).isNotEqualTo(TextSplit.byWholeGroup(all, 0.1, 0.2, 4).test().groups());
    }
}
