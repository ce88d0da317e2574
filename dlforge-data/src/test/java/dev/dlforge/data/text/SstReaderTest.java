package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.datasets.SstDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On SST files the test writes, in both layouts, with broken lines. */
class SstReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsGlueSst2TsvByHeaderSkippingBrokenLines() throws Exception {
        Files.writeString(dir.resolve("train.tsv"), "sentence\tlabel\nhide new secretions \t0\ncontains no wit \t0\n"
                + "the greatest musicians \t1\nno label here\nwhat \t7\n\t1\n");
        Files.writeString(dir.resolve("dev.tsv"), "sentence\tlabel\nit 's a charming journey . \t1\n");
        Files.writeString(dir.resolve("test.tsv"), "index\tsentence\n0\tunlabelled\n");
        var splits = new SstDataset().read(dir);
        LabeledTexts train = splits.split("train");
        assertThat(train.texts()).containsExactly("hide new secretions", "contains no wit", "the greatest musicians");
        assertThat(train.labels()).containsExactly(0, 0, 1);
        assertThat(train.warnings().count(SstReader.BAD_COLUMNS)).isEqualTo(2);
        assertThat(train.warnings().count(SstReader.BAD_LABEL)).isEqualTo(1);
        assertThat(splits.splits()).containsOnlyKeys("train", "dev");
        assertThatThrownBy(() -> new SstDataset().read(dir, true)).isInstanceOf(DlforgeException.class);
    }

    @Test
    void readsPtbTreesAsRootLabelAndLeavesInFiveClassesOrBinary() throws Exception {
        Path trees = Files.createDirectories(dir.resolve("trees"));
        Files.write(trees.resolve("train.txt"), ("(3 (2 It) (4 (4 (2 's) (4 great)) (2 .)))\n"
                + "(1 (2 A) (1 dull) (2 film))\n"
                + "(2 (2 Neutral) (2 .))\n"
                + "(4 (2 unbalanced (4 tree)\n"
                + "(7 (2 bad) (2 label))\n"
                + "(0 (0 Caf\u00e9) (1 awful))\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(trees.resolve("dev.txt"), "(4 (4 Superb))\n");
        Files.writeString(trees.resolve("test.txt"), "(0 (0 Awful))\n");

        LabeledTexts fine = new SstDataset().read(dir, true).split("train");
        assertThat(fine.classes()).hasSize(5);
        assertThat(fine.texts()).containsExactly("It 's great .", "A dull film", "Neutral .", "Caf\u00e9 awful");
        assertThat(fine.labels()).containsExactly(3, 1, 2, 0);
        assertThat(fine.warnings().count(SstReader.BAD_TREE)).isEqualTo(2);
        assertThat(fine.warnings().count(LenientText.NOT_UTF8)).isEqualTo(1);

        var binary = new SstDataset().read(dir);
        assertThat(binary.split("train").labels()).containsExactly(1, 0, 0);
        assertThat(binary.split("train").warnings().count(SstReader.NEUTRAL_DROPPED)).isEqualTo(1);
        assertThat(binary.splits()).containsOnlyKeys("train", "dev", "test");
    }

    @Test
    void hostileTreesAreRejectedNotCrashedOn() {
        assertThat(SstReader.parseTree("(".repeat(5000) + "2 x" + ")".repeat(5000))).isNull();
        assertThat(SstReader.parseTree("(2 (2 a) (2 b)) trailing")).isNull();
        assertThat(SstReader.parseTree("(3)")).isNull();
        assertThat(SstReader.parseTree("(3 (2 ok))")).isEqualTo(new LabeledText("ok", 3));
    }

    @Test
    void aFolderWithNeitherLayoutSaysWhereToGetThem() {
        assertThatThrownBy(() -> new SstDataset().read(dir)).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("neither SST-2");
    }
}
