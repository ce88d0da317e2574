package dev.dlforge.data.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveMembersTest {
    @TempDir
    Path dir;

    @Test
    void copiesSingleFilesAndWholeFoldersButNothingOutsideThem() throws IOException {
        Path tgz = dir.resolve("p.tgz");
        try (OutputStream file = Files.newOutputStream(tgz);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            add(tar, "package/README.md", "readme");
            add(tar, "package/data/ham/1.txt", "one");
            add(tar, "package/data/spam/2.txt", "two");
            add(tar, "package/data/../../escape.txt", "evil");
        }
        Path target = Files.createDirectories(dir.resolve("out"));
        var missing = ArchiveMembers.fromTgz(tgz, Map.of("package/README.md", "README.md", "package/data/", "mail", "package/none/", "x"), target);

        assertThat(missing).containsExactly("package/none/");
        assertThat(target.resolve("README.md")).hasContent("readme");
        assertThat(target.resolve("mail/ham/1.txt")).hasContent("one");
        assertThat(target.resolve("mail/spam/2.txt")).hasContent("two");
        assertThat(dir.resolve("escape.txt")).doesNotExist();
        assertThat(target.resolve("escape.txt")).doesNotExist();
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
