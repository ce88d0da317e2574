package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.datasets.ImdbDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an aclImdb-shaped folder the test writes, good files and bad. */
class ImdbReaderTest {
    @TempDir
    Path dir;

    private void write(String path, byte[] bytes) throws Exception {
        Path file = dir.resolve("aclImdb").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private void write(String path, String text) throws Exception {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsReviewsWithLabelsFromFoldersCheckedAgainstRatings() throws Exception {
        write("train/pos/0_9.txt", "A wonderful film.<br /><br />See it.");
        write("train/pos/1_7.txt", "Good fun.");
        write("train/neg/0_2.txt", "Dreadful.");
        write("train/neg/1_8.txt", "Rated 8 but filed as negative.");
        write("train/neg/notes.txt", "not a review");
        write("train/neg/2_1.txt", "");
        write("train/neg/3_3.txt", "bin\0\1\2ary");
        write("train/neg/4_4.txt", "Caf\u00e9 food was awful".getBytes(StandardCharsets.ISO_8859_1));
        write("test/pos/5_10.txt", "x".repeat(50));
        write("test/neg/6_1.txt", "Bad.");

        TextRepairs repairs = new TextRepairs();
        LabeledTexts all = new ImdbDataset().read(dir, 0, 0, repairs); // finds aclImdb/ below the given folder
        assertThat(all.texts()).startsWith("Dreadful.", "Caf\u00e9 food was awful", "A wonderful film.  See it.", "Good fun.").hasSize(6);
        assertThat(all.labels()).containsExactly(0, 0, 1, 1, 0, 1);
        assertThat(all.groups()).containsExactly("imdb-train", "imdb-train", "imdb-train", "imdb-train", "imdb-test", "imdb-test");
        assertThat(all.ids()).startsWith("train/neg/0_2.txt");
        assertThat(repairs.count(ImdbReader.RATING_MISMATCH)).isEqualTo(1);
        assertThat(repairs.count(ImdbReader.BAD_NAME)).isEqualTo(1);
        assertThat(repairs.count(ImdbReader.EMPTY)).isEqualTo(1);
        assertThat(repairs.count(ImdbReader.BINARY)).isEqualTo(1);
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void truncatesHugeReviewsWithoutReadingThemWhole() throws Exception {
        write("train/pos/0_8.txt", "\u00e9".repeat(3_000_000)); // 6 MB of two-byte characters
        write("train/neg/0_1.txt", "bad");
        TextRepairs repairs = new TextRepairs();
        LabeledTexts train = ImdbReader.read(dir.resolve("aclImdb"), "train", 1000, repairs);
        assertThat(train.texts().get(1)).hasSize(1000).matches("\u00e9+");
        assertThat(repairs.count(TextRepairs.TRUNCATED)).as("the byte cut and the character cut").isPositive();
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).as("the cut kept UTF-8 whole").isZero();
    }

    @Test
    void aFolderWithoutTheLayoutSaysWhereToGetIt() {
        assertThatThrownBy(() -> new ImdbDataset().read(dir, 0, 0, new TextRepairs())).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("not the IMDB review folder")
                .satisfies(e -> assertThat(((DlforgeException) e).hint()).contains("aclImdb_v1.tar.gz"));
    }
}
