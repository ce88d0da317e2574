package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void detokeniserGluesPunctuationAndTurnsBrownQuotesIntoPlainOnes() {
        assertThat(BrownDetokenizer.join(List.of("``", "Only", "a", "handful", "''", ",", "the", "jury", "said", ",", "``",
                "considering", "the", "size", "(", "not", "the", "cost", ")", "''", ".")))
                .isEqualTo("\"Only a handful\", the jury said, \"considering the size (not the cost)\".");
        assertThat(BrownDetokenizer.join(List.of("It", "cost", "$", "5", ";", "didn't", "it", "?"))).isEqualTo("It cost $5; didn't it?");
        assertThat(BrownDetokenizer.join(List.of())).isEmpty();
    }

    private static List<String> sentence(int tokens, String word) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < tokens - 1; i++) {
            s.add(word);
        }
        s.add(".");
        return s;
    }

    @Test
    void passagesEndOnSentenceBoundariesOnceTheyReachTheTarget() {
        // sentences of 40 tokens, target 100: three sentences (120 tokens) per passage
        List<List<String>> doc = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            doc.add(sentence(40, "w" + i));
        }
        List<String> passages = Passages.cut(doc, 100);
        assertThat(passages).hasSize(3);
        assertThat(passages.get(0)).startsWith("w0 w0").endsWith("w2.").doesNotContain("w3");
        assertThat(passages.get(1)).startsWith("w3 ").contains("w4. w5").endsWith("w5.");
    }

    @Test
    void aShortTailJoinsTheLastPassageAndALongOneStandsAlone() {
        List<List<String>> doc = new ArrayList<>(List.of(sentence(100, "a"), sentence(30, "b")));
        assertThat(Passages.cut(doc, 100)).hasSize(1).first().asString().endsWith("b.");
        doc.add(sentence(60, "c")); // 100 | 30 + 60 = 90 >= 50: a passage of its own
        assertThat(Passages.cut(doc, 100)).hasSize(2);
        assertThat(Passages.cut(List.of(sentence(10, "x")), 100)).containsExactly("x ".repeat(8) + "x.");
        assertThat(Passages.cut(List.of(), 100)).isEmpty();
        assertThat(Passages.cut(List.of(List.of(), List.of("")), 100)).isEmpty();
    }
}
