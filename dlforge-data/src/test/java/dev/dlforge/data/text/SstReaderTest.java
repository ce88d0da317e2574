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
        TextRepairs repairs = new TextRepairs();
        LabeledTexts all = new SstDataset().read(dir, 0, 0, repairs);
        assertThat(all.texts()).containsExactly("hide new secretions", "contains no wit", "the greatest musicians", "it 's a charming journey .");
        assertThat(all.labels()).containsExactly(0, 0, 1, 1);
        assertThat(all.groups()).containsExactly("sst-train", "sst-train", "sst-train", "sst-dev");
        assertThat(all.ids()).containsExactly("sst-train:2", "sst-train:3", "sst-train:4", "sst-dev:2");
        assertThat(repairs.count(SstReader.BAD_COLUMNS)).isEqualTo(2);
        assertThat(repairs.count(SstReader.BAD_LABEL)).isEqualTo(1);
        assertThatThrownBy(() -> new SstDataset().read(dir, true, new TextRepairs())).isInstanceOf(DlforgeException.class);
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

        TextRepairs repairs = new TextRepairs();
        LabeledTexts fine = new SstDataset().read(dir, true, repairs);
        assertThat(fine.classes()).hasSize(5);
        assertThat(fine.texts()).containsExactly("It 's great .", "A dull film", "Neutral .", "Caf\u00e9 awful", "Superb", "Awful");
        assertThat(fine.labels()).containsExactly(3, 1, 2, 0, 4, 0);
        assertThat(repairs.count(SstReader.BAD_TREE)).isEqualTo(2);
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);

        TextRepairs binaryRepairs = new TextRepairs();
        LabeledTexts binary = new SstDataset().read(dir, 0, 0, binaryRepairs);
        assertThat(binary.labels()).containsExactly(1, 0, 0, 1, 0);
        assertThat(binary.groups()).containsExactly("sst-train", "sst-train", "sst-train", "sst-dev", "sst-test");
        assertThat(binaryRepairs.count(SstReader.NEUTRAL_DROPPED)).isEqualTo(1);
    }

    @Test
    void hostileTreesAreRejectedNotCrashedOn() {
        assertThat(SstReader.parseTree("(".repeat(5000) + "2 x" + ")".repeat(5000))).isNull();
        assertThat(SstReader.parseTree("(2 (2 a) (2 b)) trailing")).isNull();
        assertThat(SstReader.parseTree("(3)")).isNull();
        assertThat(SstReader.parseTree("(3 (2 ok))")).isEqualTo(new SstReader.Labeled("ok", 3));
    }

    @Test
    void aFolderWithNeitherLayoutSaysWhereToGetThem() {
        assertThatThrownBy(() -> new SstDataset().read(dir, 0, 0, new TextRepairs())).isInstanceOf(DlforgeException.class)
                .hasMessageContaining("neither SST-2");
    }
}
