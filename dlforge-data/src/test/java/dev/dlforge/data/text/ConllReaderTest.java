package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.datasets.Conll2003;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class ConllReaderTest {
    static final String IOB1 = """
            -DOCSTART- -X- -X- O

            EU NNP B-NP I-ORG
            rejects VBZ B-VP O
            German JJ B-NP I-MISC
            call NN I-NP O
            . . O O

            Peter NNP B-NP I-PER
            Blackburn NNP I-NP I-PER
            met VBD B-VP O
            Mary NNP B-NP I-PER
            Ann NNP I-NP B-PER
            """;

    @Test
    void readsSentencesSkippingDocstartAndConvertsIob1ToIob2() {
        TextRepairs w = new TextRepairs();
        List<TaggedSentence> s = ConllReader.parse(IOB1, ConllReader.Column.NER, w);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).words()).containsExactly("EU", "rejects", "German", "call", ".");
        assertThat(s.get(0).tags()).containsExactly("B-ORG", "O", "B-MISC", "O", "O");
        // two adjacent PER entities: IOB1 marks the second with B-, IOB2 marks both
        assertThat(s.get(1).tags()).containsExactly("B-PER", "I-PER", "O", "B-PER", "B-PER");
        assertThat(w.total()).isZero();
    }

    @Test
    void otherColumnsCanBeTheTag() {
        List<TaggedSentence> s = ConllReader.parse(IOB1, ConllReader.Column.POS, new TextRepairs());
        assertThat(s.get(0).tags()).containsExactly("NNP", "VBZ", "JJ", "NN", ".");
        assertThat(ConllReader.parse(IOB1, ConllReader.Column.CHUNK, new TextRepairs()).get(0).tags())
                .containsExactly("B-NP", "B-VP", "B-NP", "I-NP", "O");
    }

    @Test
    void badLinesAreSkippedAndCounted() {
        String text = "Rome NNP B-NP B-LOC\nlonely\n" + "x".repeat(20_000) + " NN O O\nbad\u0000 NN O O\nis VBZ B-VP WEIRD\r\n\r\n";
        TextRepairs w = new TextRepairs();
        List<TaggedSentence> s = ConllReader.parse(text, ConllReader.Column.NER, w);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).words()).containsExactly("Rome", "is");
        assertThat(s.get(0).tags()).containsExactly("B-LOC", "O");
        assertThat(w.total()).isEqualTo(4);
    }

    @Test
    void datasetAcceptsEitherFileLayoutAndExplainsAnEmptyFolder(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new Conll2003().read(dir)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("holds no CoNLL-2003 files");
        for (String name : List.of("train.txt", "valid.txt", "test.txt")) {
            Files.writeString(dir.resolve(name), IOB1);
        }
        Conll2003.Splits splits = new Conll2003().read(dir);
        assertThat(splits.train()).hasSize(2);
        assertThat(splits.test().get(1).tags()).contains("B-PER");
    }
}
