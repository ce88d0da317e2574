package dev.dlforge.data.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.text.FortuneEntries;
import dev.dlforge.data.text.TextRepairs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FortunesTest {
    @TempDir
    Path dir;

    @Test
    void percentLinesSeparateEntriesAndEmptyEntriesAreDropped() {
        String file = "Roses are red,\n\tviolets are blue.\n\t\t-- Anon\n%\n%\n\n  \n%\n\nSecond entry\n\n%\nlast without a final percent\n";
        TextRepairs repairs = new TextRepairs();
        assertThat(FortuneEntries.parse(file.getBytes(StandardCharsets.UTF_8), repairs)).containsExactly(
                "Roses are red,\n\tviolets are blue.\n\t\t-- Anon", "Second entry", "last without a final percent");
        assertThat(repairs.isEmpty()).isTrue();
    }

    @Test
    void crlfLinesAndAPercentWithTrailingSpacesStillSeparate() {
        String file = "one\r\nline two  \r\n% \r\ntwo\r\n%\r\n";
        assertThat(FortuneEntries.parse(file.getBytes(StandardCharsets.UTF_8), new TextRepairs())).containsExactly("one\nline two", "two");
    }

    @Test
    void nonUtf8BytesAreDecodedAndOverstrikingKeepsTheVisibleCharacter() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("caf".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9); // windows-1252 e-acute, invalid as UTF-8
        bytes.write("\n%\n_\bb_\bo_\bl_\bd\n\bstray\u0000 nul\n%\n".getBytes(StandardCharsets.US_ASCII));
        TextRepairs repairs = new TextRepairs();
        assertThat(FortuneEntries.parse(bytes.toByteArray(), repairs)).containsExactly("café", "bold\nstray nul");
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void topicsSkipStrfileIndexesAndRunningTextJoinsEntriesWithABlankLine() throws Exception {
        Files.writeString(dir.resolve("songs-poems"), "A\nB\n%\nC\n%\n");
        Files.writeString(dir.resolve("zippy"), "Yow!\n%\n");
        Files.write(dir.resolve("songs-poems.dat"), new byte[] {0, 0, 0, 2, (byte) 0xFF});
        Files.writeString(dir.resolve(".dlforge-dataset.json"), "{}");
        Fortunes fortunes = (Fortunes) DatasetRegistry.builtIn().textCorpus(Fortunes.ID);
        assertThat(Fortunes.topics(dir)).containsExactly("songs-poems", "zippy");
        assertThat(fortunes.entries(dir, "songs-poems")).containsExactly("A\nB", "C");
        assertThat(fortunes.runningText(dir, "songs-poems")).isEqualTo("A\nB\n\nC");
        assertThat(fortunes.read(dir)).containsExactly("A\nB", "C", "Yow!");
        assertThat(fortunes.runningText(dir)).isEqualTo("A\nB\n\nC\n\nYow!");
        assertThatThrownBy(() -> fortunes.entries(dir, "limericks")).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("limericks").extracting(e -> ((DlforgeException) e).hint()).asString().contains("songs-poems, zippy");
    }
}
