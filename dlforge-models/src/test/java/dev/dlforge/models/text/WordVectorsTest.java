package dev.dlforge.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsTest {
    // a hand-made space: x is "royalty", y is "female"; so king - man + woman = queen exactly
    static final WordVectors TOY = new WordVectors(new String[] {"man", "woman", "king", "queen", "apple"}, new float[] {
        0, 1, 0,
        0, 0, 1,
        1, 1, 0,
        1, 0, 1,
        -1, 0.1f, 0.1f}, 3);

    @Test
    void analogyFindsTheFourthCornerAndLeavesTheQueryWordsOut() {
        List<WordVectors.Scored> answer = TOY.analogy("man", "king", "woman", 2);
        assertThat(answer.get(0).word()).isEqualTo("queen");
        // unit(king) - unit(man) + unit(woman) = (0.707, -0.293, 1); its cosine with unit(queen)
        double q = Math.sqrt(0.5 + 0.2929 * 0.2929 + 1);
        assertThat(answer.get(0).similarity()).isCloseTo((0.7071 + 1) / Math.sqrt(2) / q, within(1e-3));
        assertThat(answer).extracting(WordVectors.Scored::word).doesNotContain("man", "king", "woman");
    }

    @Test
    void nearestIsByCosineAndLeavesTheWordOut() {
        assertThat(TOY.nearest("king", 4)).extracting(WordVectors.Scored::word).containsExactly("man", "queen", "woman", "apple");
        assertThat(TOY.similarity("king", "man")).isCloseTo(Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void word2vecTextFormatRoundTripsExactly(@TempDir Path dir) throws Exception {
        TOY.save(dir.resolve("v.txt"));
        assertThat(Files.readAllLines(dir.resolve("v.txt")).get(0)).isEqualTo("5 3");
        WordVectors back = WordVectors.load(dir.resolve("v.txt"));
        assertThat(back.words()).isEqualTo(TOY.words());
        for (String w : TOY.words()) {
            assertThat(back.vector(w)).containsExactly(TOY.vector(w));
        }
    }

    @Test
    void gloveFilesWithoutHeaderLoadAndBadLinesAreSkipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("glove.txt"), "the 0.418 0.24968 -0.41242\n, 0.013441 0.23682 -0.16899\n"
                + "broken 1 2\nnan? x y z\n\n. 0.15164 0.30177 -0.16763\n");
        WordVectors glove = WordVectors.load(dir.resolve("glove.txt"));
        assertThat(glove.words()).containsExactly("the", ",", ".");
        assertThat(glove.dim()).isEqualTo(3);
        assertThat(glove.vector(",")).containsExactly(0.013441f, 0.23682f, -0.16899f);
    }
}
