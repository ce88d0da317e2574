package dev.dlforge.data.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.datasets.BrownCorpus;
import dev.dlforge.data.datasets.BrownText;
import dev.dlforge.data.text.BrownDocument;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrownReaderTest {

    @Test
    void readsTabIndentedSentencesOfWordSlashTag() {
        TextRepairs w = new TextRepairs();
        BrownDocument d = BrownReader.document("ca01", "news",
                "\n\n\tThe/at Fulton/np-tl jury/nn said/vbd ./.\n\n\n\tIt/pps 1/2/cd done/vbn ./.\n", w);
        assertThat(d.sentences()).hasSize(2);
        assertThat(d.sentences().get(0).words()).containsExactly("The", "Fulton", "jury", "said", ".");
        assertThat(d.sentences().get(0).tags()).containsExactly("AT", "NP-TL", "NN", "VBD", ".");
        assertThat(d.sentences().get(1).words()).contains("1/2"); // the last slash separates the tag
        assertThat(d.tokens()).isEqualTo(9);
        assertThat(w.total()).isZero();
    }

    @Test
    void malformedTokensAreSkippedAndCounted() {
        TextRepairs w = new TextRepairs();
        BrownDocument d = BrownReader.document("x", "news", "\tgood/jj bare /nn trailing/ \u0000junk\n\t\n", w);
        assertThat(d.sentences()).hasSize(1);
        assertThat(d.sentences().get(0).words()).containsExactly("good");
        assertThat(w.total()).isEqualTo(4);
    }

    @Test
    void hugeLinesAreCutNotFatal() {
        TextRepairs w = new TextRepairs();
        String line = "\t" + "word/nn ".repeat(1_000_000);
        BrownDocument d = BrownReader.document("x", "news", line, w);
        assertThat(d.sentences().get(0).size()).isEqualTo(BrownReader.MAX_SENTENCE_TOKENS);
        assertThat(w.total()).isEqualTo(1);
    }

    @Test
    void datasetReadsDocumentsWithGenresAndTextView(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\ncr09 humor\nzz99 missing\n");
        Files.writeString(dir.resolve("ca01"), "\n\n\tThe/at jury/nn ./.\n\n\n\tIt/pps ran/vbd ./.\n");
        // windows-1252 bytes (an e acute) must decode, not fail
        Files.write(dir.resolve("cr09"), "\tCaf\u00e9/nn !/.\n".getBytes(StandardCharsets.ISO_8859_1));
        List<BrownDocument> docs = new BrownCorpus().read(dir);
        assertThat(docs).extracting(BrownDocument::id).containsExactly("ca01", "cr09");
        assertThat(docs).extracting(BrownDocument::genre).containsExactly("news", "humor");
        assertThat(docs.get(1).sentences().get(0).words()).containsExactly("Caf\u00e9", "!");
        assertThat(new BrownText().read(dir)).containsExactly("The jury .", "It ran .", "Caf\u00e9 !");
    }
}
