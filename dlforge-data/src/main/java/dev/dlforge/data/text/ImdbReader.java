package dev.dlforge.data.text;

import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Large Movie Review Dataset (Maas et al. 2011) in its {@code aclImdb} layout:
 * {@code <split>/pos/<id>_<rating>.txt} and {@code <split>/neg/...}, one review per file, ratings
 * 7-10 positive and 1-4 negative. Files are read in name order; HTML line breaks become spaces.
 * A file whose name or rating disagrees with its folder, that is empty, or that holds NUL bytes
 * (binary junk) is skipped; non-UTF-8 bytes are read as windows-1252; over-long reviews are
 * truncated: all counted in {@link TextRepairs}.
 */
public final class ImdbReader {
    public static final List<String> CLASSES = List.of("neg", "pos");
    static final String BAD_NAME = "IMDB files skipped: name is not <id>_<rating>.txt";
    static final String RATING_MISMATCH = "IMDB files skipped: rating does not match its pos/neg folder";
    static final String EMPTY = "IMDB files skipped: empty review";
    static final String BINARY = "IMDB files skipped: binary content (NUL bytes)";
    private static final Pattern NAME = Pattern.compile("(\\d+)_(\\d+)\\.txt");
    private static final Pattern BREAKS = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    private ImdbReader() {}

    /** The aclImdb folder itself: {@code dir} when it has train/ or test/, else {@code dir/aclImdb}. */
    public static Path root(Path dir) {
        for (Path candidate : List.of(dir, dir.resolve("aclImdb"))) {
            if (Files.isDirectory(candidate.resolve("train/pos")) || Files.isDirectory(candidate.resolve("test/pos"))) {
                return candidate;
            }
        }
        throw new DlforgeException(dir + " is not the IMDB review folder (no train/pos or test/pos in it or in aclImdb/)",
                "download https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz, unpack it, and pass --data .../aclImdb");
    }

    /**
     * One split ({@code train} or {@code test}) with classes {@code neg, pos}, every review in group
     * {@code imdb-<split>} with its file name as id; reviews cut at {@code maxChars}.
     */
    public static LabeledTexts read(Path root, String split, int maxChars, TextRepairs repairs) throws IOException {
        TextLimits limits = new TextLimits(maxChars, maxChars);
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int label = 0; label < 2; label++) {
            Path folder = root.resolve(split).resolve(CLASSES.get(label));
            if (!Files.isDirectory(folder)) {
                throw new DlforgeException("IMDB split '" + split + "' has no folder " + folder, "the aclImdb layout is <split>/pos and <split>/neg");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String text = review(file, label, limits, repairs);
                if (text != null) {
                    texts.add(text);
                    labels.add(label);
                    ids.add(split + "/" + CLASSES.get(label) + "/" + file.getFileName());
                }
            }
        }
        return new LabeledTexts(CLASSES, texts, labels.stream().mapToInt(Integer::intValue).toArray(),
                java.util.Collections.nCopies(texts.size(), "imdb-" + split), ids);
    }

    private static String review(Path file, int label, TextLimits limits, TextRepairs repairs) throws IOException {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            repairs.add(BAD_NAME);
            return null;
        }
        int rating = Integer.parseInt(m.group(2));
        boolean fits = label == 1 ? rating >= 7 && rating <= 10 : rating >= 1 && rating <= 4;
        if (!fits) {
            repairs.add(RATING_MISMATCH);
            return null;
        }
        byte[] bytes = TextFiles.readPrefix(file, 4L * limits.maxChars(), repairs);
        for (byte b : bytes) {
            if (b == 0) {
                repairs.add(BINARY);
                return null;
            }
        }
        String text = new TextCleaner(limits).clean(TextDecoder.decode(bytes, repairs), repairs);
        text = BREAKS.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            repairs.add(EMPTY);
            return null;
        }
        return text;
    }
}
