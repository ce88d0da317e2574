package dev.dlforge.projects.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word lists of the word2vec report come from probes.txt, which must parse and say something. */
class WordProbesTest {

    @Test
    void theStandardFileParsesIntoProbesAndFourWordAnalogies() {
        WordProbes standard = WordProbes.standard();
        assertThat(standard.probes()).hasSize(12).startsWith("whale", "sea", "ship").doesNotHaveDuplicates().allMatch(w -> w.matches("[a-z]+"));
        assertThat(standard.analogies()).hasSize(8).first().isEqualTo(new WordProbes.Analogy("man", "king", "woman", "queen"));
        assertThat(standard.analogies().get(0)).hasToString("man : king :: woman : ?");
        assertThat(WordProbes.standard()).isSameAs(standard);
    }

    @Test
    void badLinesNameTheirLineAndTheFormat() {
        assertThatThrownBy(() -> WordProbes.parse(List.of("probe a", "# c", "analogy a b c"), "x.txt")).isInstanceOf(DlforgeException.class)
                .hasMessage("x.txt line 3: an analogy needs 4 words, got 3");
        assertThatThrownBy(() -> WordProbes.parse(List.of("probes a"), "x.txt")).hasMessage("x.txt line 1: unknown entry 'probes'");
        assertThatThrownBy(() -> WordProbes.parse(List.of("probe a", ""), "x.txt")).hasMessage("x.txt lists no analogies");
        assertThatThrownBy(() -> WordProbes.parse(List.of(), "x.txt")).hasMessage("x.txt lists no probe words");
    }
}
