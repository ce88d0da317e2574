package dev.dlforge.data.datasets;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.DebianPackageSource;
import dev.dlforge.data.text.FortuneEntries;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The BSD {@code fortune} cookie files of Debian's {@code fortunes} package: about 14,400 short texts
 * (jokes, quotations, poems) in 44 topic files, one file per topic, entries separated by {@code %}
 * lines. {@code songs-poems} holds about 720 poems and song lyrics. The package's {@code .dat}
 * indexes (strfile's binary offsets) are not text and are skipped.
 */
public final class Fortunes implements TextCorpusDataset {
    public static final String ID = "fortunes";
    public static final String SONGS_POEMS = "songs-poems";
    /** Between two entries of {@link #runningText}: a blank line, as a poem's stanzas are set apart. */
    public static final String ENTRY_SEPARATOR = "\n\n";
    static final String FOLDER = "usr/share/games/fortunes/";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "fortune cookies (fortune-mod)",
                "~14.4k short texts (quotations, jokes, ~720 poems in songs-poems) in 44 topic files, entries split by % lines",
                "BSD (fortune-mod, Debian package fortunes); the texts are quotations credited to their authors",
                "https://packages.debian.org/bookworm/fortunes", List.of(SONGS_POEMS),
                List.of(new DebianPackageSource("fortunes", Map.of(FOLDER, ""))));
    }

    /** Every entry of every topic file, topics in name order. */
    @Override
    public List<String> read(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        for (String topic : topics(dir)) {
            all.addAll(entries(dir, topic));
        }
        return all;
    }

    /** Every entry of every topic, separated by {@link #ENTRY_SEPARATOR}. */
    @Override
    public String runningText(Path dir) throws IOException {
        return String.join(ENTRY_SEPARATOR, read(dir));
    }

    /** The entries of one topic file, separated by {@link #ENTRY_SEPARATOR}. */
    public String runningText(Path dir, String topic) throws IOException {
        return String.join(ENTRY_SEPARATOR, entries(dir, topic));
    }

    /** The entries of topic file {@code topic} (e.g. {@value #SONGS_POEMS}), repairs reported on stderr. */
    public List<String> entries(Path dir, String topic) throws IOException {
        List<String> topics = topics(dir);
        if (!topics.contains(topic)) {
            throw new DlforgeException("fortunes has no topic '" + topic + "' in " + dir,
                    topics.isEmpty() ? "the folder holds no fortune files" : "topics: " + String.join(", ", topics));
        }
        TextRepairs repairs = new TextRepairs();
        List<String> entries = FortuneEntries.parse(Files.readAllBytes(dir.resolve(topic)), repairs);
        repairs.printTo(System.err, ID + "/" + topic);
        return entries;
    }

    /** The topic files of {@code dir}: regular files that are not strfile indexes ({@code .dat}, {@code .u8}) or hidden. */
    public static List<String> topics(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.endsWith(".dat") && !n.endsWith(".u8")).sorted().toList();
        }
    }
}
