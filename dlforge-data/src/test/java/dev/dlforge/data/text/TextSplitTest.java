package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
