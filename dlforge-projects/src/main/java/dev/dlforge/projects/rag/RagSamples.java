package dev.dlforge.projects.rag;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.datasets.MobyDick;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sample documents to try {@code rag} on: {@value #MOBY_DICK} writes the novel (fetched through the
 * data layer) as one Markdown file per chapter, {@code chapter-001.md} ... {@code chapter-135.md}
 * (plus {@code epilogue.md} when the text has it), each headed by its chapter title, so answers
 * cite the chapter. The files go to {@code $DLFORGE_HOME/samples/<name>} and are indexed like
 * anyone's files. A file whose content is already right is left alone, so indexing the sample
 * again finds nothing changed; a Markdown file that is no longer part of the sample is deleted.
 * (The WordNet sample is the {@code rag} run itself: {@code dlforge train rag} indexes 20,000 glosses that {@code dlforge predict/serve rag} answer from.)
 */
public final class RagSamples {
    public static final String MOBY_DICK = "moby-dick";
    public static final List<String> NAMES = List.of(MOBY_DICK);
    private static final Pattern HEADING = Pattern.compile("(?m)^(?:CHAPTER (\\d+)\\. .*|Epilogue|EPILOGUE)\\s*$");

    /** A chapter: its file name, title line and text. */
    record Chapter(String file, String title, String text) {}

    private RagSamples() {}

    /** Writes sample {@code name} (reading the dataset from {@code data}, or the cache, fetched when absent); returns its folder. */
    public static Path write(String name, Path data) {
        if (!MOBY_DICK.equals(name)) {
            throw new DlforgeException("no sample corpus '" + name + "'", "choose one of: " + String.join(", ", NAMES));
        }
        MobyDick moby = new MobyDick();
        Path dir = DlforgeHome.current().root().resolve("samples").resolve(name);
        try {
            String text = moby.runningText(new DatasetResolver(DlforgeHome.current().datasets()).resolve(moby.spec(), data));
            List<Chapter> chapters = chapters(text);
            if (chapters.isEmpty()) {
                throw new DlforgeException("the Moby-Dick text has no 'CHAPTER n. Title' lines to split on",
                        data != null ? "check --data" : "delete " + DlforgeHome.current().datasets().resolve(MobyDick.ID)
                                + " and run `dlforge data fetch moby-dick`");
            }
            Files.createDirectories(dir);
            Set<String> names = chapters.stream().map(Chapter::file).collect(Collectors.toSet());
            try (Stream<Path> old = Files.list(dir)) {
                for (Path f : old.filter(f -> f.getFileName().toString().endsWith(".md") && !names.contains(f.getFileName().toString())).toList()) {
                    Files.delete(f);
                }
            }
            for (Chapter c : chapters) {
                Path file = dir.resolve(c.file());
                String content = "# " + c.title() + "\n\n" + c.text() + "\n";
                if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                    AtomicFiles.writeString(file, content);
                }
            }
        } catch (IOException e) {
            throw new DlforgeException("cannot prepare the " + name + " sample in " + dir + ": " + e.getMessage(), "check the disk and permissions");
        }
        return dir;
    }

    /**
     * The chapters of the novel: the text from each heading line to the next. A heading with no
     * text before the next one (a table of contents entry) is dropped; a chapter seen twice keeps
     * its last, full occurrence.
     */
    static List<Chapter> chapters(String text) {
        List<Chapter> out = new ArrayList<>();
        Matcher m = HEADING.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            numbers.add(m.group(1));
        }
        for (int i = 0; i < spans.size(); i++) {
            String title = text.substring(spans.get(i)[0], spans.get(i)[1]).strip();
            String body = text.substring(spans.get(i)[1], i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length()).strip();
            if (body.isEmpty()) {
                continue;
            }
            String file = numbers.get(i) == null ? "epilogue.md" : String.format(Locale.ROOT, "chapter-%03d.md", Integer.parseInt(numbers.get(i)));
            out.removeIf(c -> c.file().equals(file));
            out.add(new Chapter(file, title, body));
        }
        return out;
    }
}
